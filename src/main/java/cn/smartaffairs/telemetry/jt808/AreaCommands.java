package cn.smartaffairs.telemetry.jt808;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Bodies of the area commands (JT/T 808-2013/2019 §8.x): 设置圆形区域 0x8600, 设置矩形区域 0x8602 and 设置多边形区域 0x8604
 * put an area on the terminal, 删除 0x8601/0x8603/0x8605 remove areas of that shape by id. Every area carries an id
 * (DWORD) and an attribute (WORD); latitudes and longitudes are DWORDs of millionths of a degree without sign, south
 * and west said by attribute bits 6 and 7 for the whole area. The platform's areas set neither a time window (bit 0)
 * nor a speed limit (bit 1), so the fields those bits announce are absent; 2019 adds at the end of each area its name
 * (WORD length, then GBK), after the night-time top speed that only a speed limit brings.
 */
public final class AreaCommands {

  /** 设置属性 of 0x8600 and 0x8602: replace every area of the shape, add these, or change these by id. */
  public static final int UPDATE = 0;
  public static final int APPEND = 1;
  public static final int MODIFY = 2;

  /** 区域属性 bits: alarms to the platform on entering (3) and leaving (5); south latitude (6), west longitude (7). */
  public static final int ALARM_ON_ENTRY = 1 << 3;
  public static final int ALARM_ON_EXIT = 1 << 5;
  static final int SOUTH = 1 << 6;
  static final int WEST = 1 << 7;

  /** At most this many ids in one delete (the standard's limit), and vertices in one polygon (to fit in one frame). */
  public static final int MOST_IDS = 125;
  public static final int MOST_VERTICES = 100;

  /** A point in millionths of a degree, signed: north and east positive. */
  public record Point(int latitude, int longitude) {}

  private AreaCommands() {}

  /** 0x8600: one circle, its centre and radius in metres. */
  public static byte[] setCircle(int setting, long areaId, int attributes, Point centre, long radiusMetres, String name,
      ProtocolVersion version) {
    int flags = attributes | hemisphere(List.of(centre));
    Body body = new Body().u8(setting).u8(1).u32(areaId).u16(flags).point(centre).u32(radiusMetres);
    return named(body, name, version);
  }

  /** 0x8602: one rectangle by its upper-left (north-west) and lower-right (south-east) corners. */
  public static byte[] setRectangle(int setting, long areaId, int attributes, Point northWest, Point southEast,
      String name, ProtocolVersion version) {
    int flags = attributes | hemisphere(List.of(northWest, southEast));
    Body body = new Body().u8(setting).u8(1).u32(areaId).u16(flags).point(northWest).point(southEast);
    return named(body, name, version);
  }

  /** 0x8604: one polygon (a message carries one), its vertices in order. */
  public static byte[] setPolygon(long areaId, int attributes, List<Point> vertices, String name,
      ProtocolVersion version) {
    if (vertices.size() < 3 || vertices.size() > MOST_VERTICES) {
      throw new IllegalArgumentException("a polygon of " + vertices.size() + " vertices");
    }
    int flags = attributes | hemisphere(vertices);
    Body body = new Body().u32(areaId).u16(flags).u16(vertices.size());
    vertices.forEach(body::point);
    return named(body, name, version);
  }

  /** 0x8601, 0x8603, 0x8605: the number of areas, then their ids (no id at all would delete every area of the shape). */
  public static byte[] delete(List<Long> areaIds) {
    if (areaIds.isEmpty() || areaIds.size() > MOST_IDS) {
      throw new IllegalArgumentException(areaIds.size() + " area ids");
    }
    Body body = new Body().u8(areaIds.size());
    areaIds.forEach(body::u32);
    return body.bytes();
  }

  private static byte[] named(Body body, String name, ProtocolVersion version) {
    if (version == ProtocolVersion.V2019) {
      byte[] text = name == null ? new byte[0] : name.getBytes(BodyReader.GBK);
      body.u16(text.length).bytes(text);
    }
    return body.bytes();
  }

  /** The sign bits of an area, whose points must all lie in one quarter of the globe. */
  private static int hemisphere(List<Point> points) {
    boolean south = points.get(0).latitude() < 0;
    boolean west = points.get(0).longitude() < 0;
    for (Point point : points) {
      if ((point.latitude() < 0) != south && point.latitude() != 0
          || (point.longitude() < 0) != west && point.longitude() != 0) {
        throw new IllegalArgumentException("an area across the equator or the meridian");
      }
    }
    return (south ? SOUTH : 0) | (west ? WEST : 0);
  }

  /** Big-endian BYTE, WORD and DWORD fields. */
  private static final class Body {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

    Body u8(int value) {
      out.write(value & 0xFF);
      return this;
    }

    Body u16(int value) {
      return u8(value >> 8).u8(value);
    }

    Body u32(long value) {
      return u16((int) (value >> 16)).u16((int) value);
    }

    Body point(Point point) {
      return u32(Math.abs((long) point.latitude())).u32(Math.abs((long) point.longitude()));
    }

    Body bytes(byte[] bytes) {
      out.writeBytes(bytes);
      return this;
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }
}
