package cn.smartaffairs.canteen.procurement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A receiving inspection as the inspector fills it in. {@code unitPriceFen} may be left out when the batch answers
 * an awarded purchase request: the winning price applies. {@code pesticideTest}: PASS, FAIL or NOT_APPLICABLE;
 * {@code accepted}: the inspector's verdict on everything else (labels, temperature, senses).
 */
public record BatchDraft(Long siteId, Long requestId, Long supplierId, String itemName, String spec,
    BigDecimal quantity, String unit, Long unitPriceFen, String batchNo, LocalDate productionDate,
    Integer shelfLifeDays, LocalDate receivedOn, String inspector, String pesticideTest,
    Boolean accepted, String note) {}
