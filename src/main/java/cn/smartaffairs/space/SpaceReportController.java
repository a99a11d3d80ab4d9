package cn.smartaffairs.space;

import cn.smartaffairs.excel.ListExport;
import cn.smartaffairs.excel.XlsxDownload;
import cn.smartaffairs.organisation.OrganisationDirectory;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import cn.smartaffairs.space.SpaceReports.FilingRow;
import cn.smartaffairs.space.SpaceReports.PublicationRow;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The yearly reports as lists: 年度公示 (every room each unit held during the year) and 领导干部办公用房备案 (the
 * offices leaders held). Each is the year's rows read whole, then searched, sorted and paged; the year's formal
 * workbook holds every row in the report's own order.
 */
@PageController
class SpaceReportController {

  /** The report's own order (unit, building, room) unless asked otherwise. */
  static final SortKeys PUBLICATION_SORT_KEYS = SortKeys.builder().ascending("report").ascending("unit")
      .ascending("building").ascending("room").ascending("kind").descending("area").descending("validFrom")
      .byDefault("report").inMemory();
  private static final Map<String, Comparator<PublicationRow>> PUBLICATION_ORDERS = Map.of(
      "report", (a, b) -> 0,
      "unit", SortKeys.byPinyin(PublicationRow::unitName),
      "building", SortKeys.byPinyin(PublicationRow::buildingName),
      "room", SortKeys.byValue(PublicationRow::roomNumber),
      "kind", SortKeys.byValue(PublicationRow::roomKind),
      "area", SortKeys.byValue(PublicationRow::area),
      "validFrom", SortKeys.byValue(PublicationRow::validFrom));

  static final ListColumns<PublicationRow> PUBLICATION_COLUMNS = ListColumns.<PublicationRow>sortedBy(
      PUBLICATION_SORT_KEYS)
      .sortable("unit", "space.unit", PublicationRow::unitName)
      .sortable("building", "space.building", PublicationRow::buildingName)
      .sortable("room", "space.roomNumber", PublicationRow::roomNumber)
      .sortable("kind", "space.kind", r -> ListColumns.words("space.roomKind." + r.roomKind()))
      .sortable("area", "space.useArea", PublicationRow::area)
      .sortable("validFrom", "space.validFrom", PublicationRow::validFrom)
      .column("space.validTo", PublicationRow::validTo)
      .column("space.occupantNames", PublicationRow::occupants)
      .searchedFor("space.publicationSearch").pagedBy(50).exportedAs("space.publication");

  static final SortKeys FILING_SORT_KEYS = SortKeys.builder().ascending("report").ascending("unit")
      .ascending("person").ascending("rank").ascending("room").descending("area").descending("validFrom")
      .descending("excess").byDefault("report").inMemory();
  private static final Map<String, Comparator<FilingRow>> FILING_ORDERS = Map.of(
      "report", (a, b) -> 0,
      "unit", SortKeys.byPinyin(FilingRow::unitName),
      "person", SortKeys.byPinyin(FilingRow::staffName),
      "rank", SortKeys.byPinyin(FilingRow::rank),
      "room", SortKeys.byValue(FilingRow::room),
      "area", SortKeys.byValue(FilingRow::roomArea),
      "validFrom", SortKeys.byValue(FilingRow::validFrom),
      "excess", SortKeys.byValue(FilingRow::excess));

  static final ListColumns<FilingRow> FILING_COLUMNS = ListColumns.<FilingRow>sortedBy(FILING_SORT_KEYS)
      .sortable("unit", "space.unit", FilingRow::unitName)
      .sortable("person", "space.person", FilingRow::staffName)
      .sortable("rank", "space.rank", FilingRow::rank)
      .sortable("room", "space.room", FilingRow::room)
      .sortable("area", "space.useArea", FilingRow::roomArea)
      .column("space.secondOffice", r -> r.secondOffice() ? r.concurrentPost() : null)
      .sortable("validFrom", "space.validFrom", FilingRow::validFrom)
      .column("space.validTo", FilingRow::validTo)
      .column("space.allowedArea", FilingRow::allowedArea)
      .column("space.occupiedArea", FilingRow::occupiedArea)
      .sortable("excess", "space.excess", FilingRow::excess)
      .searchedFor("space.filingSearch").pagedBy(50).exportedAs("space.filing");

  private final SpaceReports reports;
  private final SpaceAllocations allocations;
  private final OrganisationDirectory organisation;
  private final MessageSource messages;

  SpaceReportController(SpaceReports reports, SpaceAllocations allocations, OrganisationDirectory organisation,
      MessageSource messages) {
    this.reports = reports;
    this.allocations = allocations;
    this.organisation = organisation;
    this.messages = messages;
  }

  private int yearOrThis(Integer year) {
    return year == null ? allocations.today().getYear() : checkYear(year);
  }

  private static int checkYear(int year) {
    if (year < 2000 || year > 2100) {
      throw new BusinessRuleException("space.yearInvalid");
    }
    return year;
  }

  private Page<PublicationRow> publicationPage(int year, Long unitId, ListQuery query) {
    return query.pageOf(reports.publication(year, unitId, CurrentUsers.current()), r -> ListQuery.searchable(
        r.unitName(), r.buildingName(), r.roomNumber(), r.occupants()), PUBLICATION_ORDERS);
  }

  private Page<FilingRow> filingPage(int year, ListQuery query) {
    return query.pageOf(reports.filing(year, CurrentUsers.current()), r -> ListQuery.searchable(r.unitName(),
        r.staffName(), r.rank(), r.room(), r.concurrentPost()), FILING_ORDERS);
  }

  @GetMapping("/space/publication")
  String publication(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long unitId,
      @RequestParam Map<String, String> parameters, Model model) {
    CurrentUser user = CurrentUsers.current();
    int chosen = yearOrThis(year);
    ListQuery query = PUBLICATION_COLUMNS.parse(parameters);
    PUBLICATION_COLUMNS.show(model, query, publicationPage(chosen, unitId, query));
    model.addAttribute("year", chosen);
    model.addAttribute("unitId", unitId);
    model.addAttribute("unitChoices", organisation.unitChoices(user.dataScope()));
    return "space/publication";
  }

  /** The list's search and order for its year (and unit), every page up to the export's limit. */
  @GetMapping("/space/publication/export.xlsx")
  void exportPublication(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long unitId,
      @RequestParam Map<String, String> parameters, HttpServletResponse response, Locale locale) {
    ListExport.send(response, PUBLICATION_COLUMNS, publicationPage(yearOrThis(year), unitId,
        PUBLICATION_COLUMNS.parse(parameters).forExport()).items(), messages, locale);
  }

  /** The year's publication as a workbook titled for it: every row, in the report's order. */
  @GetMapping("/space/publication.xlsx")
  void publicationXlsx(@RequestParam int year, @RequestParam(required = false) Long unitId,
      HttpServletResponse response, Locale locale) {
    String title = messages.getMessage("space.publicationTitle", new Object[] {checkYear(year)}, locale);
    XlsxDownload.send(response, title + ".xlsx", ListExport.sheet(title, PUBLICATION_COLUMNS,
        reports.publication(year, unitId, CurrentUsers.current()), messages, locale));
  }

  @GetMapping("/space/filing")
  String filing(@RequestParam(required = false) Integer year, @RequestParam Map<String, String> parameters,
      Model model) {
    int chosen = yearOrThis(year);
    ListQuery query = FILING_COLUMNS.parse(parameters);
    FILING_COLUMNS.show(model, query, filingPage(chosen, query));
    model.addAttribute("year", chosen);
    return "space/filing";
  }

  /** The list's search and order for its year, every page up to the export's limit. */
  @GetMapping("/space/filing/export.xlsx")
  void exportFiling(@RequestParam(required = false) Integer year, @RequestParam Map<String, String> parameters,
      HttpServletResponse response, Locale locale) {
    ListExport.send(response, FILING_COLUMNS, filingPage(yearOrThis(year), FILING_COLUMNS.parse(parameters)
        .forExport()).items(), messages, locale);
  }

  /** The year's filing as a workbook titled for it: every row, in the report's order. */
  @GetMapping("/space/filing.xlsx")
  void filingXlsx(@RequestParam int year, HttpServletResponse response, Locale locale) {
    String title = messages.getMessage("space.filingTitle", new Object[] {checkYear(year)}, locale);
    List<FilingRow> rows = reports.filing(year, CurrentUsers.current());
    XlsxDownload.send(response, title + ".xlsx", ListExport.sheet(title, FILING_COLUMNS, rows, messages, locale));
  }
}
