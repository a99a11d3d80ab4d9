package cn.smartaffairs.access;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A visit from registration through the gate desk: the host sends an invitation link, the visitor asks on the public
 * page (a wrong ID number refused beside its field) and gets a pass once the host confirms; the guard scans the pass
 * and checks the visitor in and out. A second visitor, registered by the host, is found at the gate by the ID number.
 */
@IntegrationTest
class VisitBrowserTest {

  @LocalServerPort int port;

  @Test
  void aVisitFromTheInvitationThroughTheGateDesk() {
    String visitor = Visitors.freshName();
    String idNumber = Visitors.freshIdNumber();
    String secondVisitor = Visitors.freshName();
    String secondId = Visitors.freshIdNumber();
    try (Browser host = Browser.start("http://localhost:" + port);
        Browser guest = Browser.start("http://localhost:" + port);
        Browser guard = Browser.start("http://localhost:" + port)) {
      host.signInAs("staff");
      host.clickAndWaitForPage("#menu-visitors");
      host.clickAndWaitForPage("#make-invitation");
      String invitation = host.visible("#invitation-link").getAttribute("href");

      guest.driver().get(invitation);
      assertThat(guest.visible("h1").getText()).isEqualTo("访客预约");
      guest.find("#visitorName").sendKeys(visitor);
      char wrong = idNumber.charAt(17) == '0' ? '1' : '0';
      guest.find("#idNumber").sendKeys(idNumber.substring(0, 17) + wrong);
      guest.find("#mobile").sendKeys("13912345678");
      guest.find("#purpose").sendKeys("洽谈物业合同");
      guest.clickAndWaitForPage("#send-request");
      assertThat(guest.visible("#idNumber-error").getText()).contains("校验位");
      // what was typed stays, to be corrected
      assertThat(guest.find("#idNumber").getAttribute("value")).isEqualTo(idNumber.substring(0, 17) + wrong);
      assertThat(guest.find("#visitorName").getAttribute("value")).isEqualTo(visitor);
      guest.find("#idNumber").clear();
      guest.find("#idNumber").sendKeys(idNumber);
      guest.clickAndWaitForPage("#send-request");
      assertThat(guest.path()).startsWith("/visit/pass/");
      assertThat(guest.visible("#pass-status").getText()).isEqualTo("等待被访人确认");
      assertThat(guest.findAll("#pass-qr")).isEmpty();
      assertThat(guest.find("#visit-pass").getText()).doesNotContain(idNumber).contains(idNumber.substring(14));
      String passPath = guest.path();

      host.open("/visitors");
      WebElement row = rowOf(host, visitor);
      assertThat(row.getText()).contains("待确认");
      row.findElement(By.cssSelector(".visit-confirm")).click();
      host.visible(".alert-success");
      assertThat(rowOf(host, visitor).getText()).contains("待来访");
      // the host registers a second visitor through the form
      host.find("#visitorName").sendKeys(secondVisitor);
      host.find("#idNumber").sendKeys(secondId);
      host.find("#mobile").sendKeys("13700001111");
      host.find("#plate").sendKeys("京b 12345");
      host.find("#purpose").sendKeys("送审材料");
      host.clickAndWaitForPage("#register-visit");
      assertThat(host.visible(".alert-success").getText()).contains(secondVisitor);
      assertThat(rowOf(host, secondVisitor).getText()).contains("待来访").doesNotContain(secondId);

      guest.open(passPath);
      assertThat(guest.visible("#pass-status").getText()).contains("已确认");
      assertThat(guest.visible("#pass-qr").getAttribute("src")).endsWith("/qr.png");
      String token = passPath.substring("/visit/pass/".length());

      guard.signInAs("guard");
      guard.clickAndWaitForPage("#menu-gate-desk");
      guard.visible("#code").sendKeys(token);
      guard.clickAndWaitForPage("#check-in");
      assertThat(guard.visible(".alert-success").getText()).contains(visitor).contains("已入场");
      assertThat(rowOf(guard, visitor).findElement(By.cssSelector(".visit-status")).getText()).isEqualTo("在访");

      guard.find("#code").sendKeys(secondId);
      guard.clickAndWaitForPage("#check-in");
      assertThat(rowOf(guard, secondVisitor).findElement(By.cssSelector(".visit-status")).getText())
          .isEqualTo("在访");
      guard.find("#code").sendKeys(token);
      guard.clickAndWaitForPage("#check-in");
      assertThat(guard.visible("#code-error").getText()).contains("已入场");

      rowOf(guard, visitor).findElement(By.cssSelector(".visit-check-out")).click();
      guard.visible(".alert-success");
      assertThat(rowOf(guard, visitor).findElement(By.cssSelector(".visit-status")).getText()).isEqualTo("已离开");
      assertThat(guard.find("#day-visits").getText()).doesNotContain(idNumber).doesNotContain(secondId);
      guard.screenshot("access-01-gate-desk");

      host.open("/notifications");
      assertThat(host.find("body").getText()).contains("访客已到：" + visitor);
      assertThat(host.policyViolations()).isEmpty();
      assertThat(guest.policyViolations()).isEmpty();
      assertThat(guard.policyViolations()).isEmpty();
    }
  }

  private static WebElement rowOf(Browser browser, String visitor) {
    return browser.await(d -> d.findElements(By.cssSelector("tbody tr")).stream()
        .filter(r -> r.getText().contains(visitor)).findFirst().orElse(null));
  }
}
