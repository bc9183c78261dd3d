package uk.nhs.carecoord.rules.engine;

/** Test-only fact for DRL compiler tests: a public class with getters, as the executable model needs. */
public class SpikeFact {
  private final String name;
  private final int age;
  private final double score;

  public SpikeFact(String name, int age, double score) {
    this.name = name;
    this.age = age;
    this.score = score;
  }

  public String getName() {
    return name;
  }

  public int getAge() {
    return age;
  }

  public double getScore() {
    return score;
  }
}
