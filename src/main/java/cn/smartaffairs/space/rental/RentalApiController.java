package cn.smartaffairs.space.rental;

import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import cn.smartaffairs.space.rental.RentalRecords.Arrear;
import cn.smartaffairs.space.rental.RentalRecords.Lease;
import cn.smartaffairs.space.rental.RentalRecords.Lettable;
import cn.smartaffairs.space.rental.RentalRecords.NewLease;
import cn.smartaffairs.space.rental.RentalRecords.NewLettable;
import cn.smartaffairs.space.rental.RentalRecords.NewPayment;
import cn.smartaffairs.space.rental.RentalRecords.NewTenant;
import cn.smartaffairs.space.rental.RentalRecords.Payment;
import cn.smartaffairs.space.rental.RentalRecords.ScheduledInstalment;
import cn.smartaffairs.space.rental.RentalRecords.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 房产出租 API: for the region's admin, space and asset managers. Money is integer fen. */
@RestController
@RequestMapping("/api/v1/space/rentals")
@Tag(name = "房产出租 Rentals of state-owned property")
@SecurityRequirement(name = "bearer")
class RentalApiController {

  private final Rentals rentals;
  private final RentalParties parties;
  private final RentalLedger ledger;

  RentalApiController(Rentals rentals, RentalParties parties, RentalLedger ledger) {
    this.rentals = rentals;
    this.parties = parties;
    this.ledger = ledger;
  }

  @GetMapping("/lettables")
  @Operation(summary = "可出租房产 Lettable spaces, with today's tenant")
  List<Lettable> lettables() {
    return parties.lettables(CurrentUsers.current());
  }

  @PostMapping("/lettables")
  @Operation(summary = "登记可出租房产 List a registered room, or part of a building (with its area), as lettable")
  ResponseEntity<Lettable> addLettable(@RequestBody NewLettable lettable) {
    Lettable created = parties.addLettable(lettable, CurrentUsers.current());
    return ResponseEntity.created(URI.create("/api/v1/space/rentals/lettables/" + created.id())).body(created);
  }

  @GetMapping("/tenants")
  @Operation(summary = "承租方 Tenants")
  List<Tenant> tenants() {
    return parties.tenants(CurrentUsers.current());
  }

  @PostMapping("/tenants")
  @Operation(summary = "登记承租方 Register a tenant; the 统一社会信用代码 check character is verified")
  ResponseEntity<Tenant> addTenant(@RequestBody NewTenant tenant) {
    Tenant created = parties.addTenant(tenant, CurrentUsers.current());
    return ResponseEntity.created(URI.create("/api/v1/space/rentals/tenants/" + created.id())).body(created);
  }

  @GetMapping("/leases")
  @Operation(summary = "租赁合同 Leases")
  List<Lease> leases() {
    return rentals.leases(CurrentUsers.current());
  }

  @PostMapping("/leases")
  @Operation(summary = "签订租赁合同 Sign a lease and generate its rent schedule", description = "frequency: MONTHLY, QUARTERLY, YEARLY; annualRentFen is the first year's rent; "
      + "yearlyIncreasePercent compounds at each anniversary. A term over the region's lease-term rule answers 400 "
      + "naming the rule; a space already let over those days answers 409.")
  ResponseEntity<Lease> sign(@RequestBody NewLease lease) {
    Lease signed = rentals.sign(lease, CurrentUsers.current());
    return ResponseEntity.created(URI.create("/api/v1/space/rentals/leases/" + signed.id())).body(signed);
  }

  @GetMapping("/leases/{id}")
  @Operation(summary = "租赁合同 One lease with its totals")
  Lease lease(@PathVariable long id) {
    return rentals.lease(id, CurrentUsers.current());
  }

  @GetMapping("/leases/{id}/schedule")
  @Operation(summary = "租金计划 The lease's instalments with what was paid")
  List<ScheduledInstalment> schedule(@PathVariable long id) {
    return rentals.schedule(id, CurrentUsers.current());
  }

  @GetMapping("/leases/{id}/payments")
  @Operation(summary = "收款记录 Payments recorded against the lease")
  List<Payment> payments(@PathVariable long id) {
    return rentals.payments(id, CurrentUsers.current());
  }

  @PostMapping("/payments")
  @Operation(summary = "登记收款 Record a (partial) payment against an instalment; more than is owed answers 400")
  ResponseEntity<Payment> pay(@RequestBody NewPayment payment) {
    Payment recorded = rentals.recordPayment(payment, CurrentUsers.current());
    return ResponseEntity.status(201).body(recorded);
  }

  @GetMapping("/arrears")
  @Operation(summary = "欠租 Instalments due before today and not fully paid")
  List<Arrear> arrears() {
    CurrentUser user = CurrentUsers.current();
    return rentals.arrears(user, rentals.today());
  }

  @GetMapping("/income")
  @Operation(summary = "租金收入 Rent collected per month between two days (both included)")
  List<RentalLedger.MonthlyIncome> income(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return ledger.collectedBetween(Rentals.managerScope(CurrentUsers.current()), from, to);
  }
}
