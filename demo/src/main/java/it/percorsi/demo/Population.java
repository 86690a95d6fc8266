package it.percorsi.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The demo's young people, generated from a seed: pure, so the same seed and start date give the
 * same people, and a test can check them without a platform. Nationalities follow the most frequent
 * countries of origin of unaccompanied minors in Italy; ages those of the programmes (16 to 23, the
 * minors with a volunteer guardian); residence in thirteen provinces of nine regions.
 */
public final class Population {

  private Population() {}

  /** A province where participants live: ISTAT codes, the capital's municipality code. */
  public record Province(
      String code,
      String name,
      String region,
      String regionName,
      String capital,
      String cadastral,
      String cpi,
      int residents) {}

  /** The provinces and how many participants live in each (400 in all). */
  public static final List<Province> PROVINCES =
      List.of(
          new Province("083", "Messina", "19", "Sicilia", "083048", "F158", "CPI-MESSINA", 40),
          new Province("082", "Palermo", "19", "Sicilia", "082053", "G273", "CPI-PALERMO", 40),
          new Province("087", "Catania", "19", "Sicilia", "087015", "C351", "CPI-CATANIA", 30),
          new Province("084", "Agrigento", "19", "Sicilia", "084001", "A089", "CPI-AGRIGENTO", 20),
          new Province("063", "Napoli", "15", "Campania", "063049", "F839", "CPI-NAPOLI", 40),
          new Province("072", "Bari", "16", "Puglia", "072006", "A662", "CPI-BARI", 30),
          new Province("080", "Reggio Calabria", "18", "Calabria", "080063", "H224", "CPI-RC", 20),
          new Province("015", "Milano", "03", "Lombardia", "015146", "F205", "CPI-MILANO", 60),
          new Province("017", "Brescia", "03", "Lombardia", "017029", "B157", "CPI-BRESCIA", 15),
          new Province("058", "Roma", "12", "Lazio", "058091", "H501", "CPI-ROMA", 45),
          new Province("037", "Bologna", "08", "Emilia-Romagna", "037006", "A944", "CPI-BO", 25),
          new Province("001", "Torino", "01", "Piemonte", "001272", "L219", "CPI-TORINO", 20),
          new Province("048", "Firenze", "09", "Toscana", "048017", "D612", "CPI-FIRENZE", 15));

  /** A country of origin: ISO alpha-3, cadastral code for foreign births, weight, names. */
  record Country(
      String iso3,
      String cadastral,
      int weight,
      List<String> languages,
      List<String> male,
      List<String> female,
      List<String> family) {}

  static final List<Country> COUNTRIES =
      List.of(
          new Country(
              "EGY",
              "Z336",
              18,
              List.of("ar"),
              List.of("Mohamed", "Ahmed", "Mahmoud", "Youssef", "Omar", "Mostafa", "Karim", "Ali"),
              List.of("Mariam", "Nour", "Salma"),
              List.of("Hassan", "Ibrahim", "Abdelrahman", "Mansour", "Elsayed", "Farouk", "Saleh")),
          new Country(
              "UKR",
              "Z138",
              12,
              List.of("uk", "ru"),
              List.of("Oleksandr", "Dmytro", "Maksym", "Andrii", "Artem", "Bohdan"),
              List.of("Anastasiia", "Sofiia", "Yuliia", "Daryna"),
              List.of("Kovalenko", "Bondarenko", "Shevchenko", "Tkachenko", "Melnyk", "Boiko")),
          new Country(
              "TUN",
              "Z352",
              10,
              List.of("ar", "fr"),
              List.of("Aymen", "Firas", "Wassim", "Hamza", "Yassine", "Skander"),
              List.of("Amira", "Yasmine"),
              List.of("Trabelsi", "Ben Salah", "Jebali", "Gharbi", "Mejri", "Ayari")),
          new Country(
              "GMB",
              "Z317",
              8,
              List.of("en"),
              List.of("Lamin", "Ebrima", "Modou", "Omar", "Alieu", "Musa"),
              List.of("Fatou", "Isatou"),
              List.of("Jallow", "Ceesay", "Touray", "Sanneh", "Njie", "Bah")),
          new Country(
              "GIN",
              "Z319",
              8,
              List.of("fr"),
              List.of("Amadou", "Mamadou", "Ibrahima", "Alpha", "Ousmane", "Sekou"),
              List.of("Mariama", "Aissatou", "Kadiatou"),
              List.of("Diallo", "Barry", "Camara", "Sow", "Conde", "Keita")),
          new Country(
              "BGD",
              "Z249",
              7,
              List.of("bn"),
              List.of("Rahim", "Hasan", "Sakib", "Rakib", "Tanvir", "Imran"),
              List.of("Nusrat", "Sadia"),
              List.of("Hossain", "Rahman", "Islam", "Ahmed", "Uddin", "Miah")),
          new Country(
              "PAK",
              "Z236",
              6,
              List.of("ur", "pa"),
              List.of("Muhammad", "Bilal", "Usman", "Hamza", "Ali", "Zain"),
              List.of("Ayesha", "Fatima"),
              List.of("Khan", "Ahmed", "Iqbal", "Hussain", "Shah", "Butt")),
          new Country(
              "ALB",
              "Z100",
              6,
              List.of("sq"),
              List.of("Ardit", "Klevis", "Erion", "Denis", "Kristian", "Arbi"),
              List.of("Elira", "Ajola"),
              List.of("Hoxha", "Shehu", "Gjoka", "Leka", "Dervishi", "Kola")),
          new Country(
              "CIV",
              "Z313",
              6,
              List.of("fr"),
              List.of("Yao", "Kouassi", "Konan", "Serge", "Ismael", "Moussa"),
              List.of("Aya", "Adjoua"),
              List.of("Kouame", "Kone", "Ouattara", "Traore", "Yao", "Coulibaly")),
          new Country(
              "MLI",
              "Z329",
              5,
              List.of("fr", "bm"),
              List.of("Boubacar", "Seydou", "Adama", "Moussa", "Souleymane", "Bakary"),
              List.of("Fatoumata", "Aminata"),
              List.of("Traore", "Keita", "Coulibaly", "Diarra", "Sissoko", "Doumbia")),
          new Country(
              "SEN",
              "Z343",
              4,
              List.of("fr", "wo"),
              List.of("Cheikh", "Moustapha", "Abdoulaye", "Pape", "Mamadou"),
              List.of("Awa", "Ndeye"),
              List.of("Ndiaye", "Diop", "Fall", "Gueye", "Sarr", "Faye")),
          new Country(
              "AFG",
              "Z200",
              4,
              List.of("ps", "fa"),
              List.of("Ahmad", "Mohammad", "Jawad", "Nasir", "Farhad", "Sami"),
              List.of("Zahra", "Maryam"),
              List.of("Ahmadi", "Rahimi", "Hakimi", "Sultani", "Karimi", "Noori")),
          new Country(
              "ERI",
              "Z368",
              3,
              List.of("ti"),
              List.of("Yonas", "Filmon", "Tesfay", "Dawit", "Robel"),
              List.of("Senait", "Helen"),
              List.of("Tesfamariam", "Kidane", "Ghebremedhin", "Haile", "Berhe")),
          new Country(
              "SOM",
              "Z345",
              3,
              List.of("so"),
              List.of("Abdi", "Abdirahman", "Hassan", "Mohamed", "Ayanle"),
              List.of("Hodan", "Sagal"),
              List.of("Warsame", "Abdullahi", "Farah", "Ali", "Osman", "Jama")));

  private static final List<String> GUARDIANS =
      List.of(
          "Maria Bianchi",
          "Giuseppe Russo",
          "Anna Ferrara",
          "Francesca Esposito",
          "Luca Romano",
          "Chiara Colombo",
          "Paolo Ricci",
          "Elena Marino",
          "Roberto Greco",
          "Sara Bruno",
          "Giovanni Gallo",
          "Laura Conti");

  private static final Map<String, String> JUVENILE_COURTS =
      Map.ofEntries(
          Map.entry("19", "Tribunale per i minorenni di "),
          Map.entry("15", "Tribunale per i minorenni di Napoli"),
          Map.entry("16", "Tribunale per i minorenni di Bari"),
          Map.entry("18", "Tribunale per i minorenni di Reggio Calabria"),
          Map.entry("03", "Tribunale per i minorenni di "),
          Map.entry("12", "Tribunale per i minorenni di Roma"),
          Map.entry("08", "Tribunale per i minorenni di Bologna"),
          Map.entry("01", "Tribunale per i minorenni di Torino"),
          Map.entry("09", "Tribunale per i minorenni di Firenze"));

  /** One generated young person, as registered. */
  public record Person(
      int index,
      String promoter,
      Province province,
      String taxCode,
      String givenName,
      String familyName,
      String sex,
      LocalDate birthDate,
      String nationality,
      LocalDate arrivalDate,
      LocalDate firstReceptionDate,
      String receptionType,
      String permitKind,
      LocalDate permitExpiry,
      LocalDate permitRenewalReceipt,
      String guardianName,
      String guardianCourt,
      LocalDate guardianAppointed,
      String employmentStatus,
      LocalDate didDate,
      LocalDate agreementDate,
      String consentGivenBy,
      LocalDate consentDate,
      int yearsOfSchooling,
      String italianLevel,
      List<String> languages) {

    public boolean minorOn(LocalDate date) {
      return birthDate.isAfter(date.minusYears(18));
    }

    public int ageOn(LocalDate date) {
      return java.time.Period.between(birthDate, date).getYears();
    }

    /** The body of {@code POST /api/participants}. */
    public Map<String, Object> registration() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("taxCode", taxCode);
      m.put("givenName", givenName);
      m.put("familyName", familyName);
      m.put("sex", sex);
      m.put("birthDate", birthDate.toString());
      m.put("birthCountry", nationality);
      m.put("nationality", nationality);
      m.put("arrivalDate", arrivalDate.toString());
      m.put("enteredAsUnaccompaniedMinor", true);
      m.put("firstReceptionDate", firstReceptionDate.toString());
      m.put("receptionType", receptionType);
      Map<String, Object> permit = new LinkedHashMap<>();
      permit.put("kind", permitKind);
      permit.put(
          "number", "I" + taxCode.substring(taxCode.length() - 8).replaceAll("[^A-Z0-9]", ""));
      permit.put("expiryDate", permitExpiry.toString());
      if (permitRenewalReceipt != null) {
        permit.put("renewalReceiptDate", permitRenewalReceipt.toString());
      }
      m.put("permit", permit);
      if (guardianName != null) {
        m.put(
            "guardian",
            Map.of(
                "name",
                guardianName,
                "appointingCourt",
                guardianCourt,
                "appointmentDate",
                guardianAppointed.toString()));
      }
      m.put("residenceProvince", province.code());
      m.put("residenceMunicipality", province.capital());
      m.put("referenceCpi", province.cpi());
      m.put("yearsOfSchooling", yearsOfSchooling);
      m.put("italianLevel", italianLevel);
      m.put("languages", languages);
      m.put("employmentStatus", employmentStatus);
      m.put("unemploymentDeclarationDate", didDate.toString());
      m.put("serviceAgreementDate", agreementDate.toString());
      m.put("consent", Map.of("givenBy", consentGivenBy, "date", consentDate.toString()));
      return m;
    }
  }

  /** The participants of {@code seed}, registered on {@code today}: 400, in a stable order. */
  public static List<Person> generate(long seed, LocalDate today) {
    Random r = new Random(seed);
    List<Person> people = new ArrayList<>();
    Set<String> taxCodes = new HashSet<>();
    int index = 0;
    for (Province p : PROVINCES) {
      for (int k = 0; k < p.residents(); k++) {
        people.add(person(index++, p, r, today, taxCodes));
      }
    }
    return people;
  }

  private static Person person(
      int index, Province province, Random r, LocalDate today, Set<String> taxCodes) {
    Country c = pick(r, COUNTRIES);
    String sex = r.nextInt(100) < 9 ? "F" : "M";
    List<String> given = "F".equals(sex) ? c.female() : c.male();
    String givenName = given.get(r.nextInt(given.size()));
    String familyName = c.family().get(r.nextInt(c.family().size()));
    // Ages today: a quarter minors (16-17), most 18-20, some 21-22, a few 23.
    int roll = r.nextInt(100);
    int age =
        roll < 25
            ? 16 + r.nextInt(2)
            : roll < 80 ? 18 + r.nextInt(3) : roll < 96 ? 21 + r.nextInt(2) : 23;
    // Born between 'age' years and 'age'+1 years before today, never turning 'age' today.
    LocalDate birth = today.minusYears(age + 1).plusDays(2 + r.nextInt(360));
    if (age == 16) {
      // 16 by the first internship start, at the latest two weeks from today.
      birth = today.minusYears(17).plusDays(2 + r.nextInt(340));
    }
    // Arrived as an unaccompanied minor, aged 14 to 17, at least two months ago.
    LocalDate arrival = birth.plusYears(14).plusDays(r.nextInt(3 * 365 + 300));
    LocalDate latestArrival = today.minusDays(60);
    LocalDate eighteen = birth.plusYears(18);
    if (!arrival.isBefore(eighteen)) {
      arrival = eighteen.minusDays(30 + r.nextInt(200));
    }
    if (arrival.isAfter(latestArrival)) {
      arrival = latestArrival.minusDays(r.nextInt(120));
    }
    if (arrival.isBefore(birth.plusYears(13))) {
      arrival = birth.plusYears(13).plusDays(10);
    }
    LocalDate reception = arrival.plusDays(r.nextInt(3));
    String receptionType =
        new String[] {"FIRST_RECEPTION", "SAI", "SAI", "CAS", "FAMILY"}[r.nextInt(5)];
    boolean minor = eighteen.isAfter(today);

    String permitKind;
    LocalDate expiry;
    LocalDate renewal = null;
    if (minor) {
      permitKind = "MINOR_AGE";
      expiry =
          eighteen.isAfter(today.plusDays(200)) ? eighteen : today.plusDays(200 + r.nextInt(200));
    } else {
      permitKind =
          new String[] {
                "SPECIAL_PROTECTION",
                "SPECIAL_PROTECTION",
                "INTERNATIONAL_PROTECTION",
                "ASYLUM_REQUEST",
                "STUDY",
                "JOB_SEEKING",
                "WORK"
              }
              [r.nextInt(7)];
      int p = r.nextInt(100);
      if (p < 3) {
        expiry = today.minusDays(20 + r.nextInt(60)); // expired, no renewal: not eligible
      } else if (p < 10) {
        expiry = today.minusDays(5 + r.nextInt(30)); // expired, renewal requested
        renewal = expiry.minusDays(r.nextInt(20));
      } else {
        expiry = today.plusDays(180 + r.nextInt(540));
      }
    }

    String guardianName = null;
    String court = null;
    LocalDate appointed = null;
    if (minor) {
      guardianName = GUARDIANS.get(r.nextInt(GUARDIANS.size()));
      String prefix = JUVENILE_COURTS.get(province.region());
      court =
          prefix.endsWith(" di ")
              ? prefix + ("03".equals(province.region()) ? "Milano" : courtOfSicily(province))
              : prefix;
      appointed = min(arrival.plusDays(20 + r.nextInt(70)), today.minusDays(10));
      if (appointed.isBefore(arrival)) {
        appointed = arrival;
      }
    }

    int e = r.nextInt(100);
    String employment = e < 2 ? "EMPLOYED" : e < 40 ? "NEVER_EMPLOYED" : "UNEMPLOYED";
    LocalDate did = max(arrival.plusDays(30), today.minusDays(30 + r.nextInt(300)));
    if (did.isAfter(today.minusDays(5))) {
      did = today.minusDays(5);
    }
    if (did.isBefore(arrival)) {
      did = arrival;
    }
    LocalDate agreement = min(did.plusDays(3 + r.nextInt(15)), today.minusDays(1));
    if (agreement.isBefore(did)) {
      agreement = did;
    }
    String consentBy;
    LocalDate consentDate;
    if (minor) {
      consentBy = "GUARDIAN";
      consentDate = min(appointed.plusDays(5), today);
    } else {
      consentBy = "PARTICIPANT";
      consentDate = max(agreement, eighteen);
    }
    String taxCode;
    if (r.nextInt(100) < 60) {
      taxCode = TaxCode.personal(familyName, givenName, birth, sex, c.cadastral());
      if (!taxCodes.add(taxCode)) {
        taxCode = uniqueProvisional(r, taxCodes);
      }
    } else {
      taxCode = uniqueProvisional(r, taxCodes);
    }
    String level =
        new String[] {"PRE_A1", "A1", "A1", "A2", "A2", "A2", "B1", "B1", "B2"}[r.nextInt(9)];
    List<String> languages = new ArrayList<>(c.languages());
    if (!languages.contains("it") && r.nextBoolean()) {
      languages.add("it");
    }
    if (!languages.contains("en") && r.nextInt(4) == 0) {
      languages.add("en");
    }
    String promoter = r.nextInt(100) < 60 ? "promoter-a" : "promoter-b";
    return new Person(
        index,
        promoter,
        province,
        taxCode,
        givenName,
        familyName,
        sex,
        birth,
        c.iso3(),
        arrival,
        reception,
        receptionType,
        permitKind,
        expiry,
        renewal,
        guardianName,
        court,
        appointed,
        employment,
        did,
        agreement,
        consentBy,
        consentDate,
        3 + r.nextInt(10),
        level,
        List.copyOf(languages));
  }

  private static String courtOfSicily(Province p) {
    return switch (p.code()) {
      case "082", "084" -> "Palermo";
      case "087" -> "Catania";
      default -> "Messina";
    };
  }

  private static String uniqueProvisional(Random r, Set<String> taxCodes) {
    String code;
    do {
      code = TaxCode.provisional(r);
    } while (!taxCodes.add(code));
    return code;
  }

  static Country pick(Random r, List<Country> countries) {
    int total = countries.stream().mapToInt(Country::weight).sum();
    int x = r.nextInt(total);
    for (Country c : countries) {
      x -= c.weight();
      if (x < 0) {
        return c;
      }
    }
    throw new IllegalStateException("weights");
  }

  static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  /** The next working day (Monday to Friday) on or after {@code d}. */
  static LocalDate weekday(LocalDate d) {
    while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
      d = d.plusDays(1);
    }
    return d;
  }

  static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }
}
