package cn.smartaffairs.canteen;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** 来宾卡: a visitor's name and, if the card is pre-printed, its number. */
public class VisitorForm implements Serializable {

  @NotBlank(message = "{canteen.holderNameRequired}")
  @Size(max = 50, message = "{canteen.holderNameRequired}") private String holderName;
  @Size(max = 80) private String cardNo;

  public String getHolderName() { return holderName; }
  public void setHolderName(String holderName) { this.holderName = holderName; }
  public String getCardNo() { return cardNo; }
  public void setCardNo(String cardNo) { this.cardNo = cardNo; }
}
