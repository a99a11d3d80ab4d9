package cn.smartaffairs.printing;

import java.util.List;

/**
 * One label (标签) to stick on a thing: a QR code and a few short lines beside it (the first printed bold-sized, as the
 * thing's number).
 */
public record Label(String qrPayload, List<String> lines) {

  public Label {
    lines = List.copyOf(lines);
  }

  /** The label stock printed on: one 60×40 mm label per page (a label printer's roll), or A4 sheets of 3 × 7. */
  public enum Stock {
    ROLL_60X40(60, 40, 1, 1), A4_3X7(60, 40, 3, 7);

    private final float widthMm;
    private final float heightMm;
    private final int columns;
    private final int rows;

    Stock(float widthMm, float heightMm, int columns, int rows) {
      this.widthMm = widthMm;
      this.heightMm = heightMm;
      this.columns = columns;
      this.rows = rows;
    }

    public float widthMm() {
      return widthMm;
    }

    public float heightMm() {
      return heightMm;
    }

    public int columns() {
      return columns;
    }

    public int rows() {
      return rows;
    }

    public int perPage() {
      return columns * rows;
    }
  }
}
