package cn.smartaffairs.vehicle.planning;

import java.time.Duration;

/**
 * Plans a day's approved trips onto vehicles and drivers. Hard rules: seats, category, time windows including the
 * empty drive between trips, a driver's shift, daily driving limit and rest, a vehicle's availability, region or
 * consented mutual aid. Soft: least empty (deadhead) distance and cost, fair load across drivers, trips served
 * by their own region.
 */
public interface DispatchPlanner {

  DispatchPlan plan(DispatchProblem problem, Duration timeLimit);
}
