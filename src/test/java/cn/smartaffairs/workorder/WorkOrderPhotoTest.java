package cn.smartaffairs.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class WorkOrderPhotoTest {

  @LocalServerPort int port;
  ApiClient api;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
  }

  private static byte[] png() throws Exception {
    var image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    image.setRGB(5, 5, 0x3366cc);
    var out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private HttpResponse<byte[]> upload(long orderId, String token, String fileName, byte[] data) throws Exception {
    String boundary = "----affairs" + System.nanoTime();
    var body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(data);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    var request = HttpRequest
        .newBuilder(URI.create("http://localhost:" + port + "/api/v1/work-orders/" + orderId + "/photos"))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<byte[]> download(long orderId, long photoId, String token) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/work-orders/" + orderId
        + "/photos/" + photoId)).header("Authorization", "Bearer " + token).GET().build();
    return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void theRequesterAttachesAPhotoThatTheHandlerSeesAndStrangersDoNot() throws Exception {
    String staff = api.tokenFor("staff");
    long order = api.post("/api/v1/work-orders", staff, Map.of("category", "REPAIR_PLUMBING",
        "description", "洗手池下水管漏水", "location", Map.of("building", "市行政中心1号楼", "room", "210")))
        .body().get("id").asLong();
    byte[] photo = png();

    var uploaded = upload(order, staff, "漏水.png", photo);
    assertThat(uploaded.statusCode()).isEqualTo(201);
    long photoId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(uploaded.body()).get("id").asLong();

    var back = download(order, photoId, api.tokenFor("repair.manager"));
    assertThat(back.statusCode()).isEqualTo(200);
    assertThat(back.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(back.body()).isEqualTo(photo);
    assertThat(download(order, photoId, api.tokenFor("liaison")).statusCode()).isEqualTo(404);
    assertThat(api.get("/api/v1/work-orders/" + order + "/photos", staff).body()).hasSize(1);
  }

  @Test
  void aFileThatIsNotAnImageIsRefusedWhateverItsName() throws Exception {
    String staff = api.tokenFor("staff");
    long order = api.post("/api/v1/work-orders", staff, Map.of("category", "REPAIR_ELECTRIC", "description", "插座冒火花"))
        .body().get("id").asLong();
    var refused = upload(order, staff, "photo.jpg", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("JPEG");
    assertThat(api.get("/api/v1/work-orders/" + order + "/photos", staff).body()).isEmpty();
  }
}
