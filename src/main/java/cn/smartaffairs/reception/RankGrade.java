package cn.smartaffairs.reception;

/**
 * A guest's 职务层次, as organisation's rank dictionary names the grades ({@code org_rank.grade}); the room standard is
 * read by it. A guest whose grade the letter does not give is treated as {@link #STAFF}.
 */
public enum RankGrade {
  PROVINCIAL_HEAD, PROVINCIAL_DEPUTY, BUREAU_HEAD, BUREAU_DEPUTY, DIVISION_HEAD, DIVISION_DEPUTY, SECTION_HEAD, SECTION_DEPUTY, STAFF
}
