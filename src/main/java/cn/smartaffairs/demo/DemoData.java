package cn.smartaffairs.demo;

import cn.smartaffairs.organisation.GovernmentLevel;
import cn.smartaffairs.organisation.OrganisationDirectory.NewUnit;
import cn.smartaffairs.organisation.StaffDraft;
import cn.smartaffairs.organisation.StaffStatus;
import cn.smartaffairs.organisation.UnitNature;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The deterministic content of the demo: a fictional city (云溪市) with three counties, their units, and staff
 * with realistic names, posts and ranks. The same seed always gives the same people.
 */
final class DemoData {

  static final String ADMIN_USERNAME = "admin";
  static final String PASSWORD = "Demo@2026";

  /** A region of the demo and the units it has. */
  record DemoRegion(String code, String name, String kind, List<DemoUnit> units) {}

  /** A unit of the demo: the staff generator sizes it by its head count. */
  record DemoUnit(String code, String name, UnitNature nature, int approvedHeadcount, List<String> departments) {}

  private static final String SURNAMES = "王王王李李李张张张刘刘陈陈杨杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
  private static final String MALE_CHARS = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林峰建国志文博彬亮成康晨阳";
  private static final String FEMALE_CHARS = "芳娜敏静丽艳娟霞秀玲桂英华红梅兰琳雪颖倩婷洁慧晶璐瑶怡欣佳悦琪薇晓月";

  private static final List<String> CITY_UNITS = List.of("市委办公室", "市人民政府办公室", "市发展和改革委员会", "市教育局",
      "市科学技术局", "市公安局", "市财政局", "市人力资源和社会保障局", "市自然资源和规划局", "市生态环境局",
      "市住房和城乡建设局", "市交通运输局", "市卫生健康委员会", "市市场监督管理局", "市机关事务管理局", "市统计局");
  private static final List<String> COUNTY_UNITS = List.of("委办公室", "人民政府办公室", "发展和改革局", "教育局", "财政局",
      "公安局", "卫生健康局", "机关事务服务中心");

  private DemoData() {}

  static List<DemoRegion> regions(Random random) {
    List<DemoRegion> regions = new ArrayList<>();
    List<DemoUnit> city = new ArrayList<>();
    for (int i = 0; i < CITY_UNITS.size(); i++) {
      city.add(new DemoUnit(String.format("YX%03d", i + 1), CITY_UNITS.get(i), UnitNature.PARTY_GOVERNMENT,
          45 + random.nextInt(50), departments(CITY_UNITS.get(i))));
    }
    city.add(new DemoUnit("YX101", "市档案馆", UnitNature.PUBLIC_INSTITUTION, 30, List.of("办公室", "档案接收征集科", "档案利用科")));
    city.add(new DemoUnit("YX201", "市文学艺术界联合会", UnitNature.SOCIAL_ORGANISATION, 18, List.of("办公室", "组联部")));
    regions.add(new DemoRegion("YX", "云溪市本级", "CITY", city));
    String[][] counties = {{"LJ", "临江区", "区"}, {"QS", "青山县", "县"}, {"BS", "白沙县", "县"}};
    for (String[] county : counties) {
      List<DemoUnit> units = new ArrayList<>();
      for (int i = 0; i < COUNTY_UNITS.size(); i++) {
        String name = county[2] + COUNTY_UNITS.get(i);
        units.add(new DemoUnit(String.format("%s%03d", county[0], i + 1), name, UnitNature.PARTY_GOVERNMENT,
            25 + random.nextInt(30), departments(name)));
      }
      regions.add(new DemoRegion(county[0], county[1], "COUNTY", units));
    }
    return regions;
  }

  static NewUnit newUnit(long regionId, String regionKind, DemoUnit unit) {
    return new NewUnit(regionId, unit.code(), unit.name(),
        "CITY".equals(regionKind) ? GovernmentLevel.CITY : GovernmentLevel.COUNTY, unit.nature(),
        unit.approvedHeadcount(), unit.departments());
  }

  private static List<String> departments(String unitName) {
    if (unitName.endsWith("机关事务管理局") || unitName.endsWith("机关事务服务中心")) {
      return List.of("办公室", "公务用车管理科", "办公用房管理科", "公共机构节能科", "后勤服务科", "财务资产科");
    }
    if (unitName.endsWith("公安局")) {
      return List.of("办公室", "政治处", "治安管理科", "交通管理科", "刑事侦查科", "警务保障科");
    }
    return List.of("办公室", "组织人事科", "计划财务科", "政策法规科", "业务科");
  }

  /**
   * The staff of one unit: a head, deputies, a head of each department, and officers in the 职级 sequence.
   * County units sit one grade lower than city units (正科 heads instead of 正处).
   */
  static List<StaffDraft> staffOf(long unitId, String unitName, boolean city, int count, List<Long> departmentIds,
      Random random, int[] sequence, String regionCode) {
    List<StaffDraft> staff = new ArrayList<>();
    String headTitle = unitName.endsWith("局") ? "局长" : "主任";
    for (int i = 0; i < count; i++) {
      boolean male = random.nextInt(100) < 58;
      String name = name(random, male);
      String rank;
      String title;
      Long department = departmentIds.get(random.nextInt(departmentIds.size()));
      if (i == 0) {
        rank = city ? "DIVISION_HEAD" : "SECTION_HEAD";
        title = headTitle;
        department = null;
      } else if (i <= 2) {
        rank = city ? "DIVISION_DEPUTY" : "SECTION_DEPUTY";
        title = "副" + headTitle;
        department = null;
      } else if (i - 3 < departmentIds.size()) {
        department = departmentIds.get(i - 3);
        rank = city ? "SECTION_HEAD" : "LEVEL_CLERK_1";
        title = city ? "科长" : "股长";
      } else {
        String[] officerRanks = city
            ? new String[] {"LEVEL_RESEARCHER_3", "LEVEL_CLERK_1", "LEVEL_CLERK_2", "LEVEL_CLERK_3", "LEVEL_CLERK_4",
                "LEVEL_OFFICER_1", "LEVEL_OFFICER_1", "LEVEL_OFFICER_2", "SECTION_DEPUTY"}
            : new String[] {"LEVEL_CLERK_2", "LEVEL_CLERK_3", "LEVEL_CLERK_4", "LEVEL_OFFICER_1", "LEVEL_OFFICER_1",
                "LEVEL_OFFICER_2", "OTHER"};
        rank = officerRanks[random.nextInt(officerRanks.length)];
        title = switch (rank) {
          case "SECTION_DEPUTY" -> "副科长";
          case "OTHER" -> "工作人员";
          default -> "科员";
        };
      }
      int roll = random.nextInt(100);
      StaffStatus status = roll < 95 ? StaffStatus.ACTIVE : roll < 98 ? StaffStatus.RETIRED : StaffStatus.TRANSFERRED;
      LocalDate joined = LocalDate.of(1990 + random.nextInt(35), 1 + random.nextInt(12), 1 + random.nextInt(28));
      LocalDate changed = status == StaffStatus.ACTIVE
          ? null
          : LocalDate.of(2024 + random.nextInt(2), 1 + random.nextInt(12), 1 + random.nextInt(28));
      String mobile = "1" + "3589".charAt(random.nextInt(4)) + String.format("%09d", random.nextInt(1_000_000_000));
      staff.add(new StaffDraft(unitId, department, String.format("%s%05d", regionCode, ++sequence[0]), name,
          male ? "M" : "F", title, rank, random.nextInt(100) < 88, mobile, status, joined, changed));
    }
    return staff;
  }

  static String name(Random random, boolean male) {
    String chars = male ? MALE_CHARS : FEMALE_CHARS;
    StringBuilder name = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
    int length = random.nextInt(100) < 70 ? 2 : 1;
    for (int i = 0; i < length; i++) {
      name.append(chars.charAt(random.nextInt(chars.length())));
    }
    return name.toString();
  }
}
