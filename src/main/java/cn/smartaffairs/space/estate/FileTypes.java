package cn.smartaffairs.space.estate;

/** The type a file's bytes declare; names and the browser's claim are not trusted. */
final class FileTypes {

  private FileTypes() {}

  static String image(byte[] data) {
    if (data.length >= 3 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xD8 && (data[2] & 0xFF) == 0xFF) {
      return "image/jpeg";
    }
    if (data.length >= 8 && (data[0] & 0xFF) == 0x89 && data[1] == 'P' && data[2] == 'N' && data[3] == 'G') {
      return "image/png";
    }
    if (data.length >= 12 && data[0] == 'R' && data[1] == 'I' && data[2] == 'F' && data[3] == 'F'
        && data[8] == 'W' && data[9] == 'E' && data[10] == 'B' && data[11] == 'P') {
      return "image/webp";
    }
    return null;
  }

  /** An image, or a PDF document (鉴定报告, 批复, 验收单 are usually scanned to PDF). */
  static String document(byte[] data) {
    if (data.length >= 5 && data[0] == '%' && data[1] == 'P' && data[2] == 'D' && data[3] == 'F' && data[4] == '-') {
      return "application/pdf";
    }
    return image(data);
  }

  static String fileName(String name, String fallback) {
    String chosen = name == null || name.isBlank() ? fallback : name.strip();
    return chosen.length() > 200 ? chosen.substring(chosen.length() - 200) : chosen;
  }
}
