package cn.smartaffairs.reception;

/**
 * An amount of fen in capital Chinese numerals (人民币大写, e.g. 壹仟贰佰叁拾肆元伍角), as approval forms and financial
 * documents write it so it cannot be altered.
 */
final class ChineseAmount {

  private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
  private static final String[] SMALL_UNITS = {"", "拾", "佰", "仟"};
  private static final String[] BIG_UNITS = {"", "万", "亿", "万亿"};

  private ChineseAmount() {}

  static String of(long fen) {
    if (fen < 0) {
      return "负" + of(-fen);
    }
    long yuan = fen / 100;
    int jiao = (int) (fen / 10 % 10);
    int cents = (int) (fen % 10);
    StringBuilder text = new StringBuilder();
    if (yuan > 0) {
      text.append(integer(yuan)).append('元');
    }
    if (jiao == 0 && cents == 0) {
      return text.isEmpty() ? "零元整" : text.append('整').toString();
    }
    if (jiao > 0) {
      text.append(DIGITS.charAt(jiao)).append('角');
    } else if (yuan > 0) {
      text.append('零');
    }
    if (cents > 0) {
      text.append(DIGITS.charAt(cents)).append('分');
    }
    return text.toString();
  }

  private static String integer(long value) {
    java.util.List<Integer> groups = new java.util.ArrayList<>();
    for (long rest = value; rest > 0; rest /= 10000) {
      groups.add(0, (int) (rest % 10000));
    }
    StringBuilder text = new StringBuilder();
    boolean zeroPending = false;
    for (int i = 0; i < groups.size(); i++) {
      int part = groups.get(i);
      if (part == 0) {
        zeroPending = !text.isEmpty();
        continue;
      }
      if (!text.isEmpty() && (zeroPending || part < 1000)) {
        text.append('零');
      }
      text.append(group(part)).append(BIG_UNITS[groups.size() - 1 - i]);
      zeroPending = false;
    }
    return text.toString();
  }

  private static String group(int part) {
    StringBuilder text = new StringBuilder();
    boolean zero = false;
    for (int position = 3; position >= 0; position--) {
      int digit = part / (int) Math.pow(10, position) % 10;
      if (digit == 0) {
        zero = !text.isEmpty();
      } else {
        if (zero) {
          text.append('零');
          zero = false;
        }
        text.append(DIGITS.charAt(digit)).append(SMALL_UNITS[position]);
      }
    }
    return text.toString();
  }
}
