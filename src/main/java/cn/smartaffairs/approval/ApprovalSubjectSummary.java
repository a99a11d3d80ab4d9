package cn.smartaffairs.approval;

import java.util.List;

/**
 * The thing an approval decides, in the viewer's language: labelled lines ("行程: 市行政中心 → 市人民医院") and a link
 * to its own page with the link's text.
 */
public record ApprovalSubjectSummary(List<Line> lines, String link, String linkText) {

  public ApprovalSubjectSummary {
    lines = List.copyOf(lines);
  }

  /** One fact in words: what it is and its value. */
  public record Line(String label, String value) {}
}
