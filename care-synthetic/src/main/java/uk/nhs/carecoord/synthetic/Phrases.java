package uk.nhs.carecoord.synthetic;

import java.util.List;

/** Invented names and free text. Names are deliberately, obviously not real people's. */
final class Phrases {
  private Phrases() {}

  static final List<String> FIRST_NAMES =
      List.of("Alex", "Sam", "Jo", "Robin", "Kit", "Morgan", "Casey", "Drew", "Jamie", "Riley", "Taylor", "Ashley");

  static final List<String> SURNAMES =
      List.of("Example", "Sample", "Placeholder", "Testcase", "Synthetic", "Fictional", "Madeup", "Dummy");

  static final List<String> PRACTICE_NAMES =
      List.of(
          "Example Street Surgery",
          "Sample Lane Medical Centre",
          "Placeholder Green Health Centre",
          "Synthetic Road Practice",
          "Fictional Park Surgery",
          "Testcase Hill Medical Practice");

  static final List<String> WHAT_MATTERS =
      List.of(
          "Staying in my own home with my cat",
          "Seeing my grandchildren every week",
          "Getting back to my allotment",
          "Not going back into hospital",
          "Being able to get out to the shops on my own",
          "Keeping my independence",
          "Feeling less lonely since my partner died",
          "Looking after my husband for as long as I can",
          "Going back to work part time",
          "Understanding what is happening with my health",
          "Singing in the community choir again",
          "Having fewer appointments and knowing who to call");

  static final List<String> GOALS =
      List.of(
          "Walk to the end of the road and back without stopping",
          "Feel less lonely and meet new people",
          "Keep my blood sugar steady so I can keep driving",
          "Get back to gardening",
          "Sleep through the night",
          "Understand what each of my medicines is for",
          "Stay living in my own home",
          "Go to my granddaughter's wedding",
          "Lose some weight before the summer",
          "Cut down on drinking",
          "Find a job I enjoy",
          "Climb the stairs without getting out of breath",
          "Manage my money without worrying",
          "Have a break from caring now and then",
          "Know what to do when my breathing gets worse");

  /** An action and who usually does it. */
  record ActionText(String description, String owner) {}

  static final String PATIENT = "patient";
  static final String CARER = "carer";
  static final String COORDINATOR = "coordinator";

  static final List<ActionText> ACTIONS =
      List.of(
          new ActionText("Try the chair-based exercise class on Tuesdays", PATIENT),
          new ActionText("Keep a diary of breathlessness for two weeks", PATIENT),
          new ActionText("Book an annual diabetes review", PATIENT),
          new ActionText("Collect the blister-packed medicines from the pharmacy", CARER),
          new ActionText("Come to the next appointment to talk about respite", CARER),
          new ActionText("Phone to check how the first week went", COORDINATOR),
          new ActionText("Refer to the social prescribing link worker", COORDINATOR),
          new ActionText("Arrange a carer's assessment", COORDINATOR),
          new ActionText("Ask the GP about a medication review", COORDINATOR),
          new ActionText("Find a local walking group", COORDINATOR),
          new ActionText("Structured medication review", "Clinical pharmacist"),
          new ActionText("Falls risk assessment at home", "Community falls service"),
          new ActionText("Home visit to check pressure areas", "District nurses"),
          new ActionText("Benefits check", "Citizens Advice"),
          new ActionText("Six coaching sessions", "Health and wellbeing coach"),
          new ActionText("Assessment for a personal alarm", "Adult social care"));

  static final List<String> AMENDMENT_REASONS =
      List.of(
          "Reviewed at the three-month review",
          "After discharge from hospital",
          "The person asked to change a goal",
          "Moved into a care home",
          "New diagnosis discussed with the GP",
          "Carer's circumstances changed",
          "Goal achieved; new goal agreed");

  static final List<String> SUPPORT_ROLES =
      List.of("District nurses", "Community mental health team", "Carers' centre", "Practice reception", "Clinical pharmacist");

  static final List<String> CONTACT_OUTCOMES =
      List.of(
          "Discussed goals; no new concerns",
          "Agreed to try the exercise class",
          "Medicines reviewed with the person; questions passed to the pharmacist",
          "No answer; will try again next week",
          "Carer reports things are settling",
          "Person feeling low; GP appointment booked",
          "Plan reviewed and shared",
          "Referral progress checked",
          "Completed PAM questionnaire together",
          "Signposted to the local carers' centre");

  static final List<String> AGENCIES =
      List.of("Citizens Advice", "Age UK", "Alzheimer's Society", "Mind", "Local carers' centre", "Housing options team");

  static final List<String> DECISIONS =
      List.of(
          "Whether to have a knee replacement",
          "Starting insulin",
          "Moving into residential care",
          "Stopping some medicines (deprescribing)",
          "Dialysis or conservative kidney care",
          "Treatment options for prostate cancer",
          "Whether to have a cataract operation",
          "Advance care planning: preferred place of care");

  static final List<String> DECISION_AIDS =
      List.of(
          "NICE patient decision aid",
          "Option Grid",
          "BRAN questions (benefits, risks, alternatives, doing nothing)");

  static final List<String> MDT_OUTCOMES =
      List.of(
          "Medication review by the clinical pharmacist agreed",
          "Refer to community falls service",
          "Care co-ordinator to arrange a carer's assessment",
          "Advance care plan to be discussed with the person",
          "No change; review in three months",
          "District nurses to visit weekly",
          "Refer to the frailty virtual ward");

  static final List<String> LANGUAGES =
      List.of("Polish", "Urdu", "Bengali", "Punjabi", "Romanian", "Arabic", "Portuguese", "Gujarati", "Somali", "Lithuanian");

  static final String COURSE_PROVIDER = "Synthetic Training Provider (PCI-accredited)";
  static final String ELEARNING_PROVIDER = "Personalised Care Institute eLearning";
  static final String MANDATORY_PROVIDER = "Example Mandatory Training Ltd";

  /** A fictional telephone number, from Ofcom's drama range 01632 960000–960999. */
  static String telephone(int n) {
    String s = Integer.toString(Math.floorMod(n, 1000));
    return "01632 960" + "000".substring(s.length()) + s;
  }

  /**
   * An obviously invented name for the n-th person: distinct for the first 96, then numbered.
   * Co-ordinators count from 0, GPs and managers from 48 so that their names do not meet.
   */
  static String name(int n) {
    String first = FIRST_NAMES.get(n % FIRST_NAMES.size());
    // 5 is invertible mod 8, so (first, surname) pairs stay distinct for 96 names.
    String surname = SURNAMES.get((n + n / FIRST_NAMES.size()) % SURNAMES.size());
    int round = n / (FIRST_NAMES.size() * SURNAMES.size());
    return round == 0 ? first + " " + surname : first + " " + surname + " " + (round + 1);
  }
}
