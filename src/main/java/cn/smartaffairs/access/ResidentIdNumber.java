package cn.smartaffairs.access;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * 公民身份号码 (GB 11643-1999): 6 digits of the area of first registration, 8 of the date of birth, 3 of a sequence
 * (odd for men), and a check character computed by ISO 7064 MOD 11-2 over the first 17 digits. A value of this type
 * has passed every check; {@link #problem(String)} names the first check a typed number fails.
 */
public final class ResidentIdNumber {

  /** Why a typed number is no resident ID number; each has words under {@code access.idNumber.<name>}. */
  public enum Problem {
    MISSING, LENGTH, CHARACTERS, AREA, BIRTH_DATE, CHECK_DIGIT
  }

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
  /** The first digit of an area code names one of the regions 1–6 (north, north-east, east, south, south-west, west). */
  private static final String AREA_FIRST_DIGITS = "123456";
  private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

  private final String value;

  private ResidentIdNumber(String value) {
    this.value = value;
  }

  /** The number as typed with spaces dropped and a lower-case x raised, or the problem that refuses it. */
  public static ResidentIdNumber parse(String typed, LocalDate today) {
    String normalised = normalise(typed);
    Optional<Problem> problem = problem(normalised, today);
    if (problem.isPresent()) {
      throw new InvalidIdNumberException(problem.get());
    }
    return new ResidentIdNumber(normalised);
  }

  public static boolean isValid(String typed, LocalDate today) {
    return problem(normalise(typed), today).isEmpty();
  }

  /** The first check the number fails, or none; a birth date after {@code today} does not exist yet. */
  public static Optional<Problem> problem(String number, LocalDate today) {
    if (number == null || number.isEmpty()) {
      return Optional.of(Problem.MISSING);
    }
    if (number.length() != 18) {
      return Optional.of(Problem.LENGTH);
    }
    for (int i = 0; i < 17; i++) {
      if (!isAsciiDigit(number.charAt(i))) {
        return Optional.of(Problem.CHARACTERS);
      }
    }
    char last = number.charAt(17);
    if (!isAsciiDigit(last) && last != 'X') {
      return Optional.of(Problem.CHARACTERS);
    }
    if (AREA_FIRST_DIGITS.indexOf(number.charAt(0)) < 0 || number.startsWith("0000", 2)) {
      return Optional.of(Problem.AREA);
    }
    Optional<LocalDate> born = birthDate(number);
    if (born.isEmpty() || born.get().isBefore(EARLIEST_BIRTH) || today != null && born.get().isAfter(today)) {
      return Optional.of(Problem.BIRTH_DATE);
    }
    if (checkCharacter(number.substring(0, 17)) != last) {
      return Optional.of(Problem.CHECK_DIGIT);
    }
    return Optional.empty();
  }

  /** The check character of the first 17 digits: Σ digitᵢ × weightᵢ mod 11, mapped 0→1, 1→0, 2→X, 3→9 … 10→2. */
  public static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK[sum % 11];
  }

  public static String normalise(String typed) {
    if (typed == null) {
      return null;
    }
    return typed.replaceAll("\\s", "").replace('x', 'X');
  }

  public String value() {
    return value;
  }

  public LocalDate birthDate() {
    return birthDate(value).orElseThrow();
  }

  /** The number as it may be shown: 110***********002X. */
  public String masked() {
    return mask(value);
  }

  /** The first three and last four characters, the eleven between starred (the common 110***********002X). */
  public static String mask(String number) {
    if (number == null || number.length() < 8) {
      return number == null ? null : "*".repeat(number.length());
    }
    return number.substring(0, 3) + "*".repeat(number.length() - 7) + number.substring(number.length() - 4);
  }

  private static Optional<LocalDate> birthDate(String number) {
    try {
      return Optional.of(LocalDate.of(Integer.parseInt(number.substring(6, 10)),
          Integer.parseInt(number.substring(10, 12)), Integer.parseInt(number.substring(12, 14))));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ResidentIdNumber id && id.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Never the whole number: a log line or an exception message shows it masked. */
  @Override
  public String toString() {
    return masked();
  }
}
