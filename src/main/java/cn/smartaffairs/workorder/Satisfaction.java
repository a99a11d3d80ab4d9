package cn.smartaffairs.workorder;

/** 回访满意度: 满意 / 较满意 / 一般 / 不满意. */
public enum Satisfaction { SATISFIED, FAIRLY, NEUTRAL, UNSATISFIED }
