package cn.smartaffairs.telemetry.gateway;

import cn.smartaffairs.telemetry.jt808.Frames;
import cn.smartaffairs.telemetry.jt808.MalformedFrameException.Fault;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts the TCP stream into frames: emits the escaped bytes between two 0x7E flags, however the stream was split into
 * packets (several frames in one, one frame over several). The closing flag is left in place, so it can open the next
 * frame: a frame that lost its own opening flag, or a terminal that shares one flag between two frames, costs at most
 * the one broken frame. Bytes before a flag and a frame longer than the standard allows are counted and dropped.
 */
final class FrameSplitter extends ByteToMessageDecoder {

  private static final Logger log = LoggerFactory.getLogger(FrameSplitter.class);
  /** Header (at most 21 bytes), body (at most 1023) and check code, every byte escaped into two. */
  static final int MOST_ESCAPED = 2 * (21 + 1023 + 1);

  private final GatewayMetrics metrics;

  FrameSplitter(GatewayMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (in.isReadable()) {
      int start = in.indexOf(in.readerIndex(), in.writerIndex(), Frames.FLAG);
      if (start < 0) {
        dropGarbage(ctx, in, in.writerIndex());
        return;
      }
      if (start > in.readerIndex()) {
        dropGarbage(ctx, in, start);
      }
      int end = in.indexOf(start + 1, in.writerIndex(), Frames.FLAG);
      if (end < 0) {
        if (in.writerIndex() - start - 1 > MOST_ESCAPED) {
          metrics.malformed(Fault.OVERSIZE);
          log.info("JT/T 808 frame from {} longer than {} bytes dropped", ctx.channel().remoteAddress(), MOST_ESCAPED);
          in.readerIndex(in.writerIndex());
        }
        return; // the rest of the frame comes with the next packet
      }
      if (end - start - 1 > MOST_ESCAPED) {
        metrics.malformed(Fault.OVERSIZE);
        in.readerIndex(end);
        continue;
      }
      if (end > start + 1) {
        byte[] content = new byte[end - start - 1];
        in.getBytes(start + 1, content);
        out.add(content);
      }
      // the closing flag stays: it may open the next frame (a lone one waits for the next packet)
      in.readerIndex(end);
    }
  }

  private void dropGarbage(ChannelHandlerContext ctx, ByteBuf in, int upTo) {
    metrics.malformed(Fault.GARBAGE);
    log.debug("{} bytes outside any JT/T 808 frame from {} dropped", upTo - in.readerIndex(),
        ctx.channel().remoteAddress());
    in.readerIndex(upTo);
  }
}
