package cn.smartaffairs.space;

import cn.smartaffairs.excel.ListExport;
import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.security.CurrentUsers;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 使用协议 list: the unit allocation agreements the viewer may see, searched, sorted and exported. */
@PageController
class AgreementListController {

  /** Agreements are tens per region: sorted in memory, the latest signed first unless asked otherwise. */
  static final SortKeys SORT_KEYS = SortKeys.builder().descending("signedOn").ascending("agreementNo")
      .ascending("unit").descending("termFrom").descending("area").byDefault("signedOn").inMemory();
  private static final Map<String, Comparator<Agreement>> ORDERS = Map.of(
      "signedOn", SortKeys.byValue(Agreement::signedOn),
      "agreementNo", SortKeys.byValue(Agreement::agreementNo),
      "unit", SortKeys.byPinyin(Agreement::unitName),
      "termFrom", SortKeys.byValue(Agreement::termFrom),
      "area", SortKeys.byValue(Agreement::area));

  static final ListColumns<Agreement> COLUMNS = ListColumns.<Agreement>sortedBy(SORT_KEYS)
      .sortable("agreementNo", "space.agreementNo", Agreement::agreementNo)
      .sortable("unit", "space.unit", Agreement::unitName)
      .sortable("termFrom", "space.term", Agreement::termFrom)
      .exportOnly("space.termTo", Agreement::termTo)
      .sortable("area", "space.useArea", Agreement::area)
      .column("space.roomCount", g -> g.rooms().stream().map(UnitAllocation::roomLabel)
          .collect(Collectors.joining("、")))
      .sortable("signedOn", "space.signedOn", Agreement::signedOn).css("d-none d-md-table-cell")
      .pageOnly("space.certificate")
      .searchedFor("space.agreementSearch").pagedBy(50).exportedAs("space.agreements");

  private final SpaceAllocations allocations;
  private final MessageSource messages;

  AgreementListController(SpaceAllocations allocations, MessageSource messages) {
    this.allocations = allocations;
    this.messages = messages;
  }

  @GetMapping("/space/agreements")
  String agreements(@RequestParam Map<String, String> parameters, Model model) {
    ListQuery query = COLUMNS.parse(parameters);
    COLUMNS.show(model, query, page(query));
    return "space/agreements";
  }

  /** The list's search in its order, every page up to the export's limit. */
  @GetMapping("/space/agreements/export.xlsx")
  void export(@RequestParam Map<String, String> parameters, HttpServletResponse response, Locale locale) {
    ListExport.send(response, COLUMNS, page(COLUMNS.parse(parameters).forExport()).items(), messages, locale);
  }

  private Page<Agreement> page(ListQuery query) {
    return query.pageOf(allocations.agreements(CurrentUsers.current()), g -> ListQuery.searchable(g.agreementNo(),
        g.unitName(), g.rooms().stream().map(UnitAllocation::roomLabel)
            .collect(Collectors.joining(" "))),
        ORDERS);
  }
}
