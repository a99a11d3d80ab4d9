package cn.smartaffairs.canteen;

import static cn.smartaffairs.canteen.CanteenController.requireManager;

import cn.smartaffairs.canteen.OverdraftFlags.Flag;
import cn.smartaffairs.excel.ListExport;
import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the manager checks: offline payments flagged for resolution (a list with its export) and the ledger check. */
@PageController
class OverdraftController {

  private final OverdraftFlags overdrafts;
  private final LedgerCheck ledgerCheck;
  private final MessageSource messages;

  OverdraftController(OverdraftFlags overdrafts, LedgerCheck ledgerCheck, MessageSource messages) {
    this.overdrafts = overdrafts;
    this.ledgerCheck = ledgerCheck;
    this.messages = messages;
  }

  static final ListColumns<Flag> COLUMNS = ListColumns.<Flag>sortedBy(OverdraftFlags.SORT_KEYS)
      .sortable("time", "canteen.entry.time", Flag::paidAt)
      .sortable("holder", "canteen.holder", Flag::holderName)
      .exportOnly("canteen.cardNo", Flag::cardNo)
      .sortable("amount", "canteen.entry.amount", f -> Money.ofFen(f.amountFen())).css("text-end")
      .column("canteen.balance", f -> Money.ofFen(f.balanceFen())).css("text-end")
      .sortable("reason", "canteen.flagReason", f -> ListColumns.words("canteen.refused." + f.reason()))
      .exportOnly("canteen.entry.terminal", Flag::terminalId)
      .pageOnly("canteen.resolutionNote")
      .searchedFor("canteen.overdrafts.search").exportedAs("canteen.overdrafts.title");

  @GetMapping("/canteen/overdrafts")
  String overdrafts(@RequestParam Map<String, String> parameters, Model model) {
    CurrentUser user = requireManager();
    ListQuery query = COLUMNS.parse(parameters);
    COLUMNS.show(model, query, overdrafts.search(query, user));
    model.addAttribute("zone", PlatformConfiguration.ZONE);
    CanteenController.addIfAbsent(model, "resolutionForm", OverdraftResolutionForm::new);
    model.addAttribute("newResolutionForm", new OverdraftResolutionForm());
    return "canteen/overdrafts";
  }

  /** The open flags in the list's search and order, up to the export's limit. */
  @GetMapping("/canteen/overdrafts/export.xlsx")
  void export(@RequestParam Map<String, String> parameters, HttpServletResponse response, Locale locale) {
    CurrentUser user = requireManager();
    ListExport.send(response, COLUMNS, overdrafts.search(COLUMNS.parse(parameters).forExport(), user).items(),
        messages, locale);
  }

  @PostMapping("/canteen/overdrafts/{journalId}/resolve")
  String resolve(@PathVariable long journalId, @Valid @ModelAttribute("resolutionForm") OverdraftResolutionForm form,
      BindingResult binding, RedirectAttributes redirect, Locale locale) {
    form.setJournalId(journalId);
    return PageOutcome.redirectAfter(binding, () -> overdrafts.resolve(journalId, form.getNote(),
        CurrentUsers.current()), () -> messages.getMessage("common.saved", null, locale), "/canteen/overdrafts",
        redirect, messages, locale);
  }

  @GetMapping("/canteen/ledger-check")
  String ledgerCheck(Model model) {
    model.addAttribute("result", ledgerCheck.check(requireManager()));
    return "canteen/ledger-check";
  }
}
