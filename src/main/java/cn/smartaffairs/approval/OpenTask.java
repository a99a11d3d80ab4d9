package cn.smartaffairs.approval;

import java.time.Instant;

/** A task waiting for a person, as their own or as a deputy ({@code forName} is then the person they act for). */
public record OpenTask(long taskId, long requestId, String requestType, String subject, String stepName,
    String applicantName, String forName, Instant dueAt) {}
