package cn.smartaffairs.telemetry;

import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 车载终端: the terminals bound to the vehicles the caller manages, and each binding's page with whether the terminal
 * is connected here and its parameters as it last answered, and a button that asks it for them again (0x8104).
 */
@PageController
class TerminalPageController {

  static final SortKeys SORT_KEYS = SortKeys.builder()
      .ascending("plate").ascending("phone").descending("registered").byDefault("plate").inMemory();

  private static final Map<String, Comparator<TerminalBinding>> ORDERS = Map.of(
      "plate", Comparator.comparing(TerminalBinding::plate, SortKeys.pinyinOrder()),
      "phone", Comparator.comparing(TerminalBinding::phone),
      "registered", Comparator.comparing(TerminalBinding::registeredAt,
          Comparator.nullsFirst(Comparator.<OffsetDateTime>naturalOrder())));

  static final ListColumns<TerminalBinding> COLUMNS = ListColumns.<TerminalBinding>sortedBy(SORT_KEYS)
      .sortable("plate", "telemetry.terminal.vehicle", TerminalBinding::plate)
      .sortable("phone", "telemetry.terminal.phone", TerminalBinding::phone)
      .column("telemetry.terminal.terminalId", TerminalBinding::terminalId)
      .column("telemetry.terminal.protocol", b -> ListColumns.words("telemetry.protocol." + b.protocol().name()))
      .sortable("registered", "telemetry.terminal.registeredAt", TerminalBinding::registeredAt)
      .pageOnly("telemetry.terminal.connection")
      .searchedFor("telemetry.terminal.search").build();

  private final TerminalBindings bindings;
  private final TerminalParameters parameters;
  private final MessageSource messages;

  TerminalPageController(TerminalBindings bindings, TerminalParameters parameters, MessageSource messages) {
    this.bindings = bindings;
    this.parameters = parameters;
    this.messages = messages;
  }

  @GetMapping("/vehicles/terminals")
  String list(@RequestParam Map<String, String> request, Model model) {
    ListQuery query = COLUMNS.parse(request);
    var page = query.pageOf(bindings.list(CurrentUsers.current()),
        b -> ListQuery.searchable(b.plate(), b.phone(), b.terminalId()), ORDERS);
    COLUMNS.show(model, query, page);
    model.addAttribute("connected", page.items().stream()
        .collect(java.util.stream.Collectors.toMap(TerminalBinding::id, parameters::connected)));
    return "telemetry/terminals";
  }

  @GetMapping("/vehicles/terminals/{id}")
  String terminal(@PathVariable long id, Model model) {
    CurrentUser viewer = CurrentUsers.current();
    TerminalBinding binding = bindings.get(id, viewer);
    model.addAttribute("binding", binding);
    model.addAttribute("connected", parameters.connected(binding));
    model.addAttribute("answer", parameters.latest(id, viewer));
    return "telemetry/terminal";
  }

  /** Asks the terminal for its parameters; back on its page with what came of it. */
  @PostMapping("/vehicles/terminals/{id}/parameter-queries")
  String query(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
    TerminalParameters.Queried queried = parameters.query(id, CurrentUsers.current());
    String key = "telemetry.parameters.outcome." + queried.outcome().name();
    Object[] arguments = queried.terminalResult() == null
        ? null
        : new Object[] {queried.terminalResult(), TerminalParameters.resultWords(queried.terminalResult())};
    boolean fine = queried.outcome() == TerminalParameters.Outcome.ANSWERED
        || queried.outcome() == TerminalParameters.Outcome.NO_ANSWER;
    redirect.addFlashAttribute(fine ? "flash" : "flashError", messages.getMessage(key, arguments, locale));
    return "redirect:/vehicles/terminals/" + id;
  }
}
