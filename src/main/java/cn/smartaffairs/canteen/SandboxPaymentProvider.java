package cn.smartaffairs.canteen;

import cn.smartaffairs.platform.SecretFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * 演示支付: the demo payment provider — no real money moves. Its "cashier" is a page of the platform where the payer
 * presses 确认支付（演示）; the sandbox then sends its notification exactly as a gateway would: a JSON body signed with
 * HMAC-SM3 under its own secret (header {@value #SIGNATURE_HEADER}), handled by the same notify handler that checks
 * the signature. The secret comes from {@code affairs.canteen.sandbox-payments.secret} or is generated once under the
 * data folder. Present only when {@code affairs.canteen.sandbox-payments.enabled} is true (the demo run).
 */
@Component
@ConditionalOnProperty(name = "affairs.canteen.sandbox-payments.enabled", havingValue = "true")
class SandboxPaymentProvider implements PaymentProvider {

  static final String NAME = "sandbox";
  static final String SIGNATURE_HEADER = "X-Sandbox-Signature";

  private final byte[] secret;
  private final ObjectMapper json;

  SandboxPaymentProvider(@Value("${affairs.canteen.sandbox-payments.secret:}") String configuredSecret,
      @Value("${affairs.data-dir:./data}") String dataDir, ObjectMapper json) {
    String hex = configuredSecret.isBlank()
        ? SecretFiles.readOrGenerate(Path.of(dataDir, "keys", "sandbox-payments.key"), 32).value()
        : configuredSecret.trim();
    this.secret = HexFormat.of().parseHex(hex);
    this.json = json;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean isDemo() { return true; }

  @Override
  public PaymentStart start(TopUpOrder order) {
    return new PaymentStart("/canteen/sandbox-pay/" + order.orderNo);
  }

  /** A signed notification, as the sandbox sends it. */
  record SignedNotification(String body, HttpHeaders headers) {}

  /** The notification the sandbox sends when the payer confirms: the order's number and amount, paid now. */
  SignedNotification confirm(TopUpOrder order, Instant paidAt) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("orderNo", order.orderNo);
    fields.put("amountFen", order.amountFen);
    fields.put("paidAt", paidAt.toString());
    fields.put("transactionId", "SBX" + UUID.randomUUID().toString().replace("-", ""));
    try {
      return sign(json.writeValueAsString(fields));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Signs a body with the sandbox's secret (what its server side does before sending). */
  SignedNotification sign(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(SIGNATURE_HEADER, signature(body));
    return new SignedNotification(body, headers);
  }

  @Override
  public PaymentNotification verify(String body, HttpHeaders headers) {
    String presented = headers == null ? null : headers.getFirst(SIGNATURE_HEADER);
    if (body == null || presented == null
        || !MessageDigest.isEqual(signature(body).getBytes(StandardCharsets.US_ASCII),
            presented.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
      throw new InvalidNotification("signature missing or wrong");
    }
    try {
      JsonNode node = json.readTree(body);
      if (!node.path("orderNo").isTextual() || !node.path("amountFen").canConvertToExactIntegral()
          || !node.path("paidAt").isTextual() || !node.path("transactionId").isTextual()) {
        throw new InvalidNotification("fields missing");
      }
      return new PaymentNotification(node.get("orderNo").asText(), node.get("amountFen").asLong(),
          Instant.parse(node.get("paidAt").asText()), node.get("transactionId").asText());
    } catch (java.io.IOException | java.time.format.DateTimeParseException e) {
      throw new InvalidNotification("unreadable body");
    }
  }

  private String signature(String body) {
    return HexFormat.of().formatHex(PaymentCode.hmac(secret, body));
  }
}
