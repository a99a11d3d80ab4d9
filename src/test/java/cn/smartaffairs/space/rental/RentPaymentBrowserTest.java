package cn.smartaffairs.space.rental;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.space.SpaceRegister;
import cn.smartaffairs.space.rental.RentalRecords.Lease;
import cn.smartaffairs.space.rental.RentalRecords.NewLease;
import cn.smartaffairs.space.rental.RentalRecords.ScheduledInstalment;
import cn.smartaffairs.support.Browser;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The space manager chases an instalment in arrears, records a too-large and then the right payment, in Chromium. */
@IntegrationTest
class RentPaymentBrowserTest {

  @LocalServerPort int port;
  @Autowired Rentals rentals;
  @Autowired RentalParties parties;
  @Autowired SpaceRegister register;
  @Autowired Accounts accounts;
  Browser browser;

  @BeforeEach
  void startBrowser() {
    browser = Browser.start("http://localhost:" + port);
  }

  @AfterEach
  void quitBrowser() {
    browser.close();
  }

  @Test
  void recordingTheMissingRentMakesTheArrearDisappear() {
    RentalFixtures fixtures = new RentalFixtures(register, parties, accounts);
    LocalDate start = rentals.today().minusMonths(4).withDayOfMonth(1);
    Lease lease = rentals.sign(new NewLease(fixtures.lettableRoom().id(), fixtures.tenant().id(),
        RentalFixtures.fresh("ZL-B-"), start, 12, RentFrequency.QUARTERLY, 48_000_00L, null), fixtures.manager());
    ScheduledInstalment first = rentals.schedule(lease.id(), fixtures.manager()).get(0);
    String arrear = "#arrears tr[data-instalment-id='" + first.id() + "']";

    browser.signInAs("space.manager");
    browser.clickAndWaitForPage("#menu-space-rentals");
    assertThat(browser.find("h1").getText()).isEqualTo("房产出租");
    WebElement row = browser.find(arrear);
    assertThat(row.getText()).contains(lease.contractNo()).contains("12,000.00");
    browser.screenshot("space-rental-01-arrears");

    browser.scrollTo(arrear);
    browser.clickAndWaitForPage(arrear + " .lease-link");
    assertThat(browser.find("#contract-no").getText()).isEqualTo(lease.contractNo());
    assertThat(browser.find("#instalment-" + first.id() + " .instalment-state").getText()).isEqualTo("欠租");
    browser.find("#amount").sendKeys("12000.01");
    pay();
    assertThat(browser.visible("#flash-error").getText()).isEqualTo("收款 12000.01 元超过该期尚欠的 12000.00 元");

    browser.find("#amount").sendKeys("5000");
    pay();
    assertThat(browser.findAll("#flash-error")).isEmpty();
    assertThat(browser.find("#lease-paid").getText()).isEqualTo("5,000.00");
    browser.find("#amount").sendKeys("7000");
    pay();
    assertThat(browser.find("#instalment-" + first.id() + " .instalment-state").getText()).isEqualTo("已结清");
    List<WebElement> receipts = browser.findAll("#payments tbody tr");
    assertThat(receipts).hasSize(2);
    browser.screenshot("space-rental-02-paid");

    browser.scrollTo("#back-to-rentals");
    browser.clickAndWaitForPage("#back-to-rentals");
    assertThat(browser.findAll(arrear)).as("the arrear is gone").isEmpty();
    assertThat(browser.find("#arrears").getText()).contains(lease.contractNo()).as("the next quarter is still owed");
  }

  private void pay() {
    browser.scrollTo("#submit-payment");
    browser.clickAndWaitForPage("#submit-payment");
  }
}
