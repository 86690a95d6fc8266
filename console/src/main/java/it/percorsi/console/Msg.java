package it.percorsi.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The console's words in English (default); Italian in {@code messages/msg_it.properties}. */
@MessageBundle(value = "msg", locale = "en")
public interface Msg {

  @Message("Percorsi console")
  String title();

  @Message("Skip to content")
  String skip();

  @Message("Main menu")
  String nav();

  @Message("Programmes")
  String nav_programmes();

  @Message("Outcomes")
  String nav_outcomes();

  @Message("Cases")
  String nav_cases();

  @Message("Language")
  String language();

  @Message("Sign out")
  String logout();

  @Message("Signed in as {name} ({role})")
  String signed_in(String name, String role);

  @Message("You have signed out.")
  String signed_out();

  @Message("Sign in again")
  String sign_in();

  @Message("Business date")
  String today();

  @Message("Programme")
  String programme();

  @Message("Show")
  String show();

  @Message("Places per region")
  String places_per_region();

  @Message("Region")
  String region();

  @Message("Total")
  String total();

  @Message("Assigned")
  String assigned();

  @Message("Active")
  String active();

  @Message("Completed")
  String completed();

  @Message("Free")
  String free();

  @Message("Quota ran out on")
  String ran_out();

  @Message("Chart of the places per region; the same figures are in the table below.")
  String chart_alt();

  @Message("Outcomes by {by}")
  String outcomes_by(String by);

  @Message("province")
  String by_province();

  @Message("promoter")
  String by_promoter();

  @Message("Group by")
  String group_by();

  @Message("Download CSV")
  String csv();

  @Message(
      "Cells under 5 are shown as \"suppressed\" for anyone but the agency and auditors, and so"
          + " is a rate derived from them.")
  String suppression_note();

  @Message("suppressed")
  String suppressed();

  @Message("Province")
  String province();

  @Message("Promoter")
  String promoter();

  @Message("Dotes assigned")
  String m_dotesAssigned();

  @Message("Internships started")
  String m_internshipsStarted();

  @Message("Internships completed")
  String m_internshipsCompleted();

  @Message("Internships interrupted")
  String m_internshipsInterrupted();

  @Message("Employed at 1 month")
  String m_employedAt1();

  @Message("Employed at 3 months")
  String m_employedAt3();

  @Message("Employed at 6 months")
  String m_employedAt6();

  @Message("Employed at 12 months")
  String m_employedAt12();

  @Message("Cases in your scope")
  String cases_title();

  @Message("Filter")
  String filter();

  @Message("State")
  String state();

  @Message("any")
  String any();

  @Message("Dote")
  String dote();

  @Message("Assigned on")
  String assigned_on();

  @Message("Next deadline")
  String next_deadline();

  @Message("Next page")
  String next_page();

  @Message("First page")
  String first_page();

  @Message("No cases.")
  String no_cases();

  @Message("Plan to approve, internship to start by {date}")
  String dl_plan(String date);

  @Message("Internship to start by {date}")
  String dl_start(String date);

  @Message("Attendance of {month} to confirm by {date}")
  String dl_month(String month, String date);

  @Message("Internship ends on {date}: completion due")
  String dl_end(String date);

  @Message("Follow-up at {months} months due on {date}")
  String dl_follow_up(int months, String date);

  @Message("none")
  String dl_none();

  @Message("Case timeline")
  String timeline();

  @Message("Date")
  String date();

  @Message("Event")
  String event();

  @Message("Details")
  String details();

  @Message("Dote assigned")
  String ev_assigned();

  @Message("Plan version {n}: {state}")
  String ev_plan(int n, String state);

  @Message("Dote active")
  String ev_activated();

  @Message("Internship started")
  String ev_internship();

  @Message("Internship ended")
  String ev_internship_end();

  @Message("Hire")
  String ev_hire();

  @Message("Follow-up at {months} months")
  String ev_follow_up(int months);

  @Message("Dote closed")
  String ev_closed();

  @Message("Internship months")
  String months();

  @Message("Month")
  String month();

  @Message("Attendance")
  String attendance();

  @Message("Threshold met")
  String threshold_met();

  @Message("Confirmed")
  String confirmed();

  @Message("yes")
  String yes();

  @Message("no")
  String no();

  @Message("Payments")
  String payments();

  @Message("Line")
  String line();

  @Message("Period")
  String period();

  @Message("Status")
  String status();

  @Message("Amount")
  String amount();

  @Message("The case does not exist or is not in your scope.")
  String not_found();
}
