package cn.smartaffairs.telemetry.jt808;

import static cn.smartaffairs.telemetry.HandMadeFrames.hex;
import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.telemetry.HandMadeFrames;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Registration, authentication, the terminal's general reply and the platform's replies, in each edition. */
class MessagesTest {

  private static Header header(byte[] frame) throws MalformedFrameException {
    return Frames.decode(Arrays.copyOfRange(frame, 1, frame.length - 1)).header();
  }

  private static final Header V2013 = new Header(0x0100, 0, 0, false, ProtocolVersion.V2013, 0, "013912345678", 1, 0,
      0);
  private static final Header V2019 = new Header(0x0100, 0, 0, false, ProtocolVersion.V2019, 1,
      "00000000013912345678", 1, 0, 0);

  @Test
  void aRegistrationOf2013HasATwentyByteModelAndASevenByteTerminalId() throws Exception {
    byte[] body = new HandMadeFrames.Body().u16(53).u16(100).text("70111", 5).text("BSJ-GF-06", 20)
        .text("T000001", 7).u8(1).text("云A12345").bytes();

    Registration registration = Registration.decode(new BodyReader(body), V2013);

    assertThat(registration.version()).isEqualTo(ProtocolVersion.V2013);
    assertThat(registration.province()).isEqualTo(53);
    assertThat(registration.city()).isEqualTo(100);
    assertThat(registration.manufacturer()).isEqualTo("70111");
    assertThat(registration.model()).isEqualTo("BSJ-GF-06");
    assertThat(registration.terminalId()).isEqualTo("T000001");
    assertThat(registration.plateColour()).isEqualTo(1);
    assertThat(registration.plate()).isEqualTo("云A12345");
  }

  @Test
  void aRegistrationOf2011IsToldByItsShorterModel() throws Exception {
    byte[] body = new HandMadeFrames.Body().u16(53).u16(100).text("70111", 5).text("GF-06", 8)
        .text("T000001", 7).u8(2).text("云A12345").bytes();

    Registration registration = Registration.decode(new BodyReader(body), V2013);

    assertThat(registration.version()).isEqualTo(ProtocolVersion.V2011);
    assertThat(registration.terminalId()).isEqualTo("T000001");
    assertThat(registration.plate()).isEqualTo("云A12345");
  }

  @Test
  void aRegistrationOf2019HasWiderFields() throws Exception {
    byte[] body = new HandMadeFrames.Body().u16(53).u16(100).text("70111000000", 11).text("BSJ-GF-06-2019", 30)
        .text("T2019000000000000000000001", 30).u8(1).text("云AD12345").bytes();

    Registration registration = Registration.decode(new BodyReader(body), V2019);

    assertThat(registration.version()).isEqualTo(ProtocolVersion.V2019);
    assertThat(registration.terminalId()).isEqualTo("T2019000000000000000000001");
    assertThat(registration.plate()).isEqualTo("云AD12345");
  }

  @Test
  void authenticationOf2013IsTheCodeAlone() throws Exception {
    assertThat(Authentication.decode(new BodyReader("ABCD2345".getBytes()), V2013).authCode()).isEqualTo("ABCD2345");
  }

  @Test
  void authenticationOf2019HasTheCodesLengthThenImeiAndSoftwareVersion() throws Exception {
    byte[] body = new HandMadeFrames.Body().u8(8).text("ABCD2345").text("861234567890123", 15).text("V1.2.3", 20)
        .bytes();

    Authentication authentication = Authentication.decode(new BodyReader(body), V2019);

    assertThat(authentication.authCode()).isEqualTo("ABCD2345");
    assertThat(authentication.imei()).isEqualTo("861234567890123");
    assertThat(authentication.softwareVersion()).isEqualTo("V1.2.3");
  }

  @Test
  void theTerminalsGeneralReplyNamesTheMessageItAnswers() throws Exception {
    TerminalReply reply = TerminalReply.decode(new BodyReader(hex("0007 8103 00")));

    assertThat(reply.replyFlow()).isEqualTo(7);
    assertThat(reply.replyId()).isEqualTo(0x8103);
    assertThat(reply.result()).isZero();
  }

  @Test
  void thePlatformsGeneralReplyIsFlowIdAndResult() {
    assertThat(PlatformMessages.generalReply(0x1234, 0x0200, 1)).isEqualTo(hex("1234 0200 01"));
  }

  @Test
  void aSuccessfulRegistrationReplyCarriesTheAuthCodeAndARefusalDoesNot() {
    assertThat(PlatformMessages.registrationReply(5, 0, "AB12")).isEqualTo(hex("0005 00 41423132"));
    assertThat(PlatformMessages.registrationReply(5, 4, null)).isEqualTo(hex("0005 04"));
  }

  @Test
  void aHeaderReadFromAFrameIsTheHeaderItWasWrittenWith() throws Exception {
    Header read = header(HandMadeFrames.frame2013(0x0100, "013912345678", 1, new byte[0]));
    assertThat(read).isEqualTo(V2013);
  }
}
