package cn.smartaffairs.space.estate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.space.estate.EstateRecords.Campaign;
import cn.smartaffairs.space.estate.EstateRecords.NewCampaign;
import cn.smartaffairs.support.StatementCounter;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The inspection campaigns are listed with their checklists in two statements, however many there are: the checklist
 * is no longer read inside the campaigns' row mapper, which held one pooled connection while asking for another.
 */
@IntegrationTest
class CampaignListQueriesTest {

  @Autowired Inspections inspections;
  @Autowired Accounts accounts;

  @Test
  void campaignsAndTheirChecklistsAreReadInTwoStatements() {
    CurrentUser manager = accounts.loadUserByUsername("space.manager");
    String title = "查询计数检查 " + UUID.randomUUID().toString().substring(0, 6);
    LocalDate today = LocalDate.now();
    for (int i = 0; i < 3; i++) {
      inspections.createCampaign(new NewCampaign(title + " " + i, today, today.plusMonths(1),
          List.of("门窗完好", "消防器材在有效期内")), manager);
    }

    var read = StatementCounter.counted(() -> inspections.campaigns(manager));

    List<Campaign> ours = read.answer().stream().filter(c -> c.title().startsWith(title)).toList();
    assertThat(ours).hasSize(3).allSatisfy(c -> assertThat(c.items()).extracting(EstateRecords.ChecklistItem::text)
        .containsExactly("门窗完好", "消防器材在有效期内"));
    assertThat(read.answer().size()).isGreaterThanOrEqualTo(4);
    assertThat(read.statements()).isEqualTo(2);
  }
}
