package cn.smartaffairs.asset;

/** 经费来源: the budget (财政拨款), the unit's own funds (自筹) or other (其他: donation, transfer in). */
public enum FundingSource {
  FISCAL, SELF_RAISED, OTHER
}
