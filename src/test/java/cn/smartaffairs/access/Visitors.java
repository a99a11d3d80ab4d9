package cn.smartaffairs.access;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Test data for visits: fresh valid resident ID numbers and visitor names, a visit's API body. */
final class Visitors {

  private Visitors() {}

  /** A valid ID number nobody else's test uses (a random birth date and sequence in 云溪's demo area 110105). */
  static String freshIdNumber() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    LocalDate born = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 50));
    String first17 = "110105" + born.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  static String freshName() {
    return "访客" + UUID.randomUUID().toString().substring(0, 6);
  }

  static Map<String, Object> visit(String name, String idNumber, LocalDate day) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("idNumber", idNumber);
    body.put("mobile", "13800138000");
    body.put("plate", "京A12345");
    body.put("visitOn", day.toString());
    body.put("purpose", "商谈会议室改造");
    return body;
  }
}
