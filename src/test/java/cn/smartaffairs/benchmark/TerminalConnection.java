package cn.smartaffairs.benchmark;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One terminal's persistent HTTP/1.1 connection for the load generator: a blocking socket that writes a JSON POST
 * and reads the answer (Content-Length or chunked). The JDK's HttpClient spent about as much CPU per request as the
 * platform itself on the benchmark's two shared cores (selector thread, futures, per-request objects), so the load
 * generator measured itself as much as the platform; a real terminal is a separate device. Not a general HTTP client.
 */
final class TerminalConnection implements AutoCloseable {

  /** A status code and body; {@code status} 0 never occurs (failures throw). */
  record Response(int status, String body) {}

  private final String host;
  private final int port;
  private final int connectTimeoutMillis;
  private final int readTimeoutMillis;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  TerminalConnection(String baseUrl, int connectTimeoutMillis, int readTimeoutMillis) {
    URI uri = URI.create(baseUrl);
    this.host = uri.getHost();
    this.port = uri.getPort() < 0 ? 80 : uri.getPort();
    this.connectTimeoutMillis = connectTimeoutMillis;
    this.readTimeoutMillis = readTimeoutMillis;
  }

  /**
   * Sends one POST and waits for its answer. A {@link java.net.ConnectException} means the request never left; any
   * other IOException means it was sent (or may have been) without an answer, and the connection is dropped.
   */
  Response post(String path, String apiKey, String json) throws IOException {
    if (socket == null) {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
      socket.setSoTimeout(readTimeoutMillis);
      in = new BufferedInputStream(socket.getInputStream(), 8192);
      out = socket.getOutputStream();
    }
    try {
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nX-API-Key: " + apiKey
          + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + body.length
          + "\r\n\r\n";
      byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
      byte[] request = new byte[headBytes.length + body.length];
      System.arraycopy(headBytes, 0, request, 0, headBytes.length);
      System.arraycopy(body, 0, request, headBytes.length, body.length);
      out.write(request);
      out.flush();
      return read();
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  private Response read() throws IOException {
    String statusLine = line();
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long contentLength = -1;
    boolean chunked = false;
    boolean closeAfter = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      String name = header.substring(0, colon).trim();
      String value = header.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Content-Length")) {
        contentLength = Long.parseLong(value);
      } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
        chunked = true;
      } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
        closeAfter = true;
      }
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream(512);
    if (chunked) {
      for (int size = Integer.parseInt(line().split(";", 2)[0].trim(), 16); size > 0; size = Integer
          .parseInt(line().split(";", 2)[0].trim(), 16)) {
        body.write(in.readNBytes(size));
        line();
      }
      while (!line().isEmpty()) {
        // trailers: none expected, skipped
      }
    } else if (contentLength >= 0) {
      byte[] bytes = in.readNBytes((int) contentLength);
      if (bytes.length < contentLength) {
        throw new EOFException("connection closed in the body");
      }
      body.write(bytes);
    } else {
      body.write(in.readAllBytes());
      closeAfter = true;
    }
    if (closeAfter) {
      close();
    }
    return new Response(status, body.toString(StandardCharsets.UTF_8));
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder(64);
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new EOFException("connection closed before the answer");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing a dead connection
      }
      socket = null;
    }
  }
}
