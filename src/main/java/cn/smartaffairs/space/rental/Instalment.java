package cn.smartaffairs.space.rental;

import java.time.LocalDate;

/** One instalment of a rent schedule (租金分期): the period it pays for, when it falls due, and its amount in fen. */
public record Instalment(int sequence, LocalDate periodStart, LocalDate periodEnd, LocalDate dueDate, long amountFen) {}
