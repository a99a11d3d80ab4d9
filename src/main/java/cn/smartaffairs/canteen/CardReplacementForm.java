package cn.smartaffairs.canteen;

import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** 补卡: the new card's number, or none for the next one the canteen numbers itself. */
public class CardReplacementForm implements Serializable {

  @Size(max = 80) private String cardNo;

  public String getCardNo() { return cardNo; }
  public void setCardNo(String cardNo) { this.cardNo = cardNo; }
}
