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
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 调剂与移交 list: the room transfers the viewer may see, searched, sorted and exported; receiving stays on the row. */
@PageController
class TransferListController {

  /** The latest 200 transfers, sorted in memory; those waiting first unless asked otherwise (the module's order). */
  static final SortKeys SORT_KEYS = SortKeys.builder().ascending("waiting").ascending("kind").ascending("room")
      .ascending("fromUnit").ascending("toUnit").descending("effectiveOn").ascending("status")
      .byDefault("waiting").inMemory();
  private static final Map<String, Comparator<RoomTransfer>> ORDERS = Map.of(
      "kind", SortKeys.byValue(RoomTransfer::kind),
      "room", SortKeys.byValue(RoomTransfer::roomLabel),
      "fromUnit", SortKeys.byPinyin(RoomTransfer::fromUnitName),
      "toUnit", SortKeys.byPinyin(RoomTransfer::toUnitName),
      "effectiveOn", SortKeys.byValue(RoomTransfer::effectiveOn),
      "status", SortKeys.byValue(RoomTransfer::status));

  static final ListColumns<RoomTransfer> COLUMNS = ListColumns.<RoomTransfer>sortedBy(SORT_KEYS)
      .sortable("kind", "space.kind", t -> ListColumns.words("space.transfer." + t.kind()))
      .sortable("room", "space.room", RoomTransfer::roomLabel)
      .sortable("fromUnit", "space.fromUnit", RoomTransfer::fromUnitName)
      .sortable("toUnit", "space.toUnit", RoomTransfer::toUnitName)
      .sortable("effectiveOn", "space.effectiveOn", RoomTransfer::effectiveOn)
      .column("space.reason", RoomTransfer::reason)
      .sortable("status", "space.status", t -> ListColumns.words("space.transferStatus." + t.status()))
      .pageOnly("common.actions")
      .searchedFor("space.transferSearch").pagedBy(50).exportedAs("space.transfers");

  private final SpaceAllocations allocations;
  private final MessageSource messages;

  TransferListController(SpaceAllocations allocations, MessageSource messages) {
    this.allocations = allocations;
    this.messages = messages;
  }

  @GetMapping("/space/transfers")
  String transfers(@RequestParam Map<String, String> parameters, Model model) {
    ListQuery query = COLUMNS.parse(parameters);
    COLUMNS.show(model, query, page(query));
    // each pending row's form: a refused one on its own row, a fresh one on the others
    SpaceForms.addIfAbsent(model, "receiveForm", ReceiveForm::new);
    model.addAttribute("blankReceiveForm", new ReceiveForm());
    return "space/transfers";
  }

  /** The list's search in its order, every page up to the export's limit. */
  @GetMapping("/space/transfers/export.xlsx")
  void export(@RequestParam Map<String, String> parameters, HttpServletResponse response, Locale locale) {
    ListExport.send(response, COLUMNS, page(COLUMNS.parse(parameters).forExport()).items(), messages, locale);
  }

  private Page<RoomTransfer> page(ListQuery query) {
    return query.pageOf(allocations.transfers(CurrentUsers.current()), t -> ListQuery.searchable(t.roomLabel(),
        t.fromUnitName(), t.toUnitName(), t.reason()), ORDERS);
  }
}
