package cn.smartaffairs.excel;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** Sends a workbook as a download with a Chinese file name that every browser shows correctly. */
public final class XlsxDownload {

  public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private XlsxDownload() {}

  public static void send(HttpServletResponse response, String fileName, Xlsx.Sheet... sheets) {
    prepare(response, fileName);
    try {
      Xlsx.write(response.getOutputStream(), sheets);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sets the headers of an .xlsx download; the caller writes the workbook to the response. */
  public static void prepare(HttpServletResponse response, String fileName) {
    response.setContentType(CONTENT_TYPE);
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
  }
}
