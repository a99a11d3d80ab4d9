package cn.smartaffairs.space.estate;

/** A campaign takes checks and findings while open; once closed, only its open findings still move. */
public enum CampaignStatus {
  OPEN, CLOSED
}
