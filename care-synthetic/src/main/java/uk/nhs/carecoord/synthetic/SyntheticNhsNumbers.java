package uk.nhs.carecoord.synthetic;

import uk.nhs.carecoord.model.NhsNumber;

/**
 * Hands out distinct NHS numbers from the never-issued 999 range, in a seeded, scrambled order.
 *
 * <p>The six digits after {@code 999} run through a seeded permutation of 0–999 999 (a four-round
 * Feistel network on two three-digit halves, which is a bijection whatever the keys), skipping
 * prefixes with no valid Modulus 11 check digit. The n-th number handed out depends only on the
 * seed and n, so numbers are unique and the first k of a population are stable.
 */
final class SyntheticNhsNumbers {
  /** Nine-digit prefixes 999 000 000 – 999 999 999 with a valid check digit: 909 091 of them. */
  static final int CAPACITY = 909_091;

  private static final int HALF = 1000;
  private static final int ROUNDS = 4;

  private final long[] keys = new long[ROUNDS];
  private int next;

  SyntheticNhsNumbers(long seed) {
    for (int i = 0; i < ROUNDS; i++) {
      keys[i] = Rng.derive(seed, Rng.NHS_NUMBER, i);
    }
  }

  /** The next number; the n-th call returns the same number for the same seed. */
  NhsNumber next() {
    while (next < HALF * HALF) {
      int six = permute(next++);
      String nine = "999" + pad6(six);
      if (hasCheckDigit(nine)) {
        return NhsNumber.fromFirstNineDigits(nine);
      }
    }
    throw new IllegalStateException("the 999 range holds only " + CAPACITY + " valid NHS numbers");
  }

  /** The seeded permutation of 0–999 999 (visible for tests). */
  int permute(int value) {
    int left = value / HALF;
    int right = value % HALF;
    for (long key : keys) {
      int f = (int) Math.floorMod(Rng.mix(right + key), (long) HALF);
      int newRight = (left + f) % HALF;
      left = right;
      right = newRight;
    }
    return left * HALF + right;
  }

  private static String pad6(int value) {
    String s = Integer.toString(value);
    return "000000".substring(s.length()) + s;
  }

  /** Modulus 11: weights 10 to 2; a remainder giving check 10 has no valid number. */
  static boolean hasCheckDigit(String nine) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (nine.charAt(i) - '0') * (10 - i);
    }
    return 11 - (sum % 11) != 10;
  }
}
