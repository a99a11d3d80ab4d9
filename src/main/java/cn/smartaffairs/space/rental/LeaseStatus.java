package cn.smartaffairs.space.rental;

/** A lease is active until its end date or until terminated early (提前终止), which frees the space from then on. */
public enum LeaseStatus {
  ACTIVE, TERMINATED
}
