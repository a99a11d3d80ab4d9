package cn.smartaffairs.telemetry.jt808;

import cn.smartaffairs.telemetry.jt808.MalformedFrameException.Fault;
import java.util.ArrayList;
import java.util.List;

/**
 * 定位数据批量上传 (0x0704): a count, the type (0 positions reported normally, 1 补报 of a blind area, positions kept while
 * the terminal had no network), then each position as a length and a 0x0200 body.
 */
public record BatchUpload(int type, List<PositionReport> positions) {

  public static BatchUpload decode(BodyReader body) throws MalformedFrameException {
    int count = body.u16();
    int type = body.u8();
    if (count == 0) {
      throw new MalformedFrameException(Fault.BODY, "a batch of no positions");
    }
    List<PositionReport> positions = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int length = body.u16();
      positions.add(PositionReport.decode(body.slice(length)));
    }
    if (body.remaining() != 0) {
      throw new MalformedFrameException(Fault.BODY, body.remaining() + " bytes after " + count + " positions");
    }
    return new BatchUpload(type, positions);
  }
}
