package cn.smartaffairs.telemetry.jt808;

import cn.smartaffairs.telemetry.jt808.MalformedFrameException.Fault;
import java.util.ArrayList;
import java.util.List;

/**
 * 查询终端参数应答 (0x0104): the flow number of the query it answers (WORD), the number of parameters (BYTE), then each
 * parameter as its id (DWORD), the length of its value (BYTE) and the value. A long answer comes in sub-packages, which
 * the gateway puts together before this reads it.
 */
public record ParameterAnswer(int replyFlow, List<Item> items) {

  /** One parameter as the terminal sent it; {@link TerminalParameter#text} reads its value. */
  public record Item(long id, byte[] value) {}

  public static ParameterAnswer decode(BodyReader body) throws MalformedFrameException {
    int flow = body.u16();
    int count = body.u8();
    List<Item> items = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long id = body.u32();
      int length = body.u8();
      items.add(new Item(id, body.bytes(length)));
    }
    if (body.remaining() != 0) {
      throw new MalformedFrameException(Fault.BODY, body.remaining() + " bytes after " + count + " parameters");
    }
    return new ParameterAnswer(flow, items);
  }
}
