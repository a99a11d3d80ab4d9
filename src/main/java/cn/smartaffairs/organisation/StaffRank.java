package cn.smartaffairs.organisation;

/** An entry of the 职务/职级 dictionary; {@code grade} is the 职务层次 the office-area standard is read by. */
public record StaffRank(String code, String name, String kind, String grade) {}
