package cn.smartaffairs.approval;

import java.time.Instant;

/** 代理人: who may decide the tasks of a principal, and over which period. */
public record Deputy(long id, long principalId, long deputyId, Instant from, Instant until) {}
