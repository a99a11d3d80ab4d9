package cn.smartaffairs.benchmark;

import cn.smartaffairs.SmartAffairsApplication;
import cn.smartaffairs.audit.AuditChainVerifier;
import cn.smartaffairs.excel.Xlsx;
import cn.smartaffairs.organisation.OrganisationDirectory;
import cn.smartaffairs.organisation.StaffDirectory;
import cn.smartaffairs.organisation.StaffImport;
import cn.smartaffairs.organisation.StaffQuery;
import cn.smartaffairs.security.DataScope;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Measures the foundation's hot paths on a generated city: demo generation at scale, a 2,000-row staff import,
 * scoped staff searches, a full export and the audit-chain verification. Run with {@code bin/benchmark [staff]};
 * the numbers go to docs/benchmarks.md.
 */
public final class PlatformBenchmark {

  private PlatformBenchmark() {}

  public static void main(String[] args) throws Exception {
    int staff = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    long started = System.nanoTime();
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SmartAffairsApplication.class)
        .web(WebApplicationType.SERVLET)
        // command-line arguments outrank application.yml, so the scale really applies
        .run("--affairs.data-dir=target/benchmark-data", "--affairs.embedded-database.fresh=true",
            "--affairs.crypto.field-key=00112233445566778899aabbccddeeff", "--affairs.demo-data.staff=" + staff,
            "--logging.level.root=warn", "--server.port=0")) {
      report("start with a fresh database and generate the demo city (" + staff + " staff)", 1,
          (System.nanoTime() - started) / 1e6);
      var directory = context.getBean(StaffDirectory.class);
      var organisation = context.getBean(OrganisationDirectory.class);
      var staffImport = context.getBean(StaffImport.class);
      var verifier = context.getBean(AuditChainVerifier.class);
      DataScope all = DataScope.everything();
      DataScope city = DataScope.region(organisation.regions().get(0).id());
      long someUnit = organisation.allUnits(all).get(5).id();

      time("staff search, first page of 50, platform admin", 50, i -> directory.search(StaffQuery.ALL, all, 0, 50));
      time("staff search, page 100 of 50, region admin", 50, i -> directory.search(StaffQuery.ALL, city, 100, 50));
      time("staff search by surname keyword, platform admin", 50,
          i -> directory.search(new StaffQuery("王", null, null, null), all, 0, 50));
      time("staff search within one unit", 50,
          i -> directory.search(new StaffQuery(null, null, someUnit, null), all, 0, 50));
      time("export every staff member to .xlsx", 3, i -> exportAll(directory, all));
      for (int round = 0; round < 3; round++) {
        byte[] workbook = importWorkbook(organisation, round);
        long t = System.nanoTime();
        int imported = staffImport.importWorkbook(new ByteArrayInputStream(workbook), all, Locale.SIMPLIFIED_CHINESE);
        report("import a 2,000-row staff workbook (round " + (round + 1) + ", " + imported + " rows)", 1,
            (System.nanoTime() - t) / 1e6);
      }
      long t = System.nanoTime();
      var verification = verifier.verify();
      report(
          "verify the audit chain (" + verification.eventsChecked() + " events, intact=" + verification.intact() + ")",
          1, (System.nanoTime() - t) / 1e6);
    }
  }

  private static void exportAll(StaffDirectory directory, DataScope scope) {
    List<List<?>> rows = new ArrayList<>();
    directory.forEach(StaffQuery.ALL, scope, m -> rows.add(Arrays.asList(m.unitName(), m.staffNo(), m.name(),
        m.rankName(), m.mobileMasked(), m.status().name())));
    Xlsx.write(OutputStream.nullOutputStream(),
        new Xlsx.Sheet("staff", List.of("单位", "工号", "姓名", "职级", "手机号", "状态"), rows.stream()));
  }

  private static byte[] importWorkbook(OrganisationDirectory organisation, int round) {
    var units = organisation.allUnits(DataScope.everything()).stream().filter(u -> u.regionName().equals("云溪市本级"))
        .toList();
    var out = new ByteArrayOutputStream();
    Xlsx.write(out, new Xlsx.Sheet("干部职工", List.of("区域编码", "单位编码", "工号", "姓名", "性别", "部门", "职务名称", "职级",
        "编制内", "手机号", "状态", "入职日期", "状态变更日期"),
        IntStream.range(0, 2000).mapToObj(i -> List.of("YX", units.get(i % units.size()).code(),
            String.format("BENCH%d%05d", round, i), "测试" + i, i % 2 == 0 ? "男" : "女", "", "科员", "一级科员", "是",
            String.format("139%08d", i), "在职", "2021-03-01", ""))));
    return out.toByteArray();
  }

  private static void time(String what, int times, IntConsumer work) {
    work.accept(-1); // warm-up
    double[] millis = new double[times];
    for (int i = 0; i < times; i++) {
      long t = System.nanoTime();
      work.accept(i);
      millis[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(millis);
    System.out.printf("| %s | %d | %.1f | %.1f |%n", what, times, millis[times / 2],
        millis[(int) Math.ceil(times * 0.95) - 1]);
  }

  private static void report(String what, int times, double millis) {
    System.out.printf("| %s | %d | %.1f | %.1f |%n", what, times, millis, millis);
  }
}
