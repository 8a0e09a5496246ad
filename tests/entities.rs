//! Integration tests: entities (recognition, alias merging, counting).

use teks::{analyse, count_entities, EntityType, Lang, Options};

fn id() -> Options {
    Options {
        lang: Some(Lang::Id),
        ..Default::default()
    }
}

fn en() -> Options {
    Options {
        lang: Some(Lang::En),
        ..Default::default()
    }
}

/// (name, type, count) of every entity, in rank order.
fn table(text: &str, options: &Options) -> Vec<(String, String, usize)> {
    analyse(text, options)
        .entities
        .into_iter()
        .map(|e| (e.name, e.kind.to_string(), e.count))
        .collect()
}

fn has(t: &[(String, String, usize)], name: &str, kind: &str) -> bool {
    t.iter().any(|(n, k, _)| n == name && k == kind)
}

/// The reference article, annotated by hand (after cleaning: the three
/// "BACA JUGA" lines and the "| KNCA--" credit do not count).
#[test]
fn reference_article_table() {
    let text = crate::reference_article();
    let a = analyse(&text, &Options::default());
    let expected: &[(&str, &str, usize, &[&str])] = &[
        ("Amerika Serikat", "LOC", 8, &["AS"]),
        ("Korea Utara", "LOC", 7, &[]),
        ("Kim Jong-Un", "PER", 6, &["Kim"]),
        ("Rusia", "LOC", 5, &[]),
        ("Korea Selatan", "LOC", 3, &[]),
        ("Donald Trump", "PER", 3, &["Trump"]),
        ("Pyongyang", "LOC", 2, &[]),
        // "Dewan Keamanan Perserikatan Bangsa-Bangsa (DK PBB)" is one
        // mention (the name defining its acronym), "DK PBB" later another.
        (
            "Dewan Keamanan Perserikatan Bangsa-Bangsa",
            "ORG",
            2,
            &["DK PBB"],
        ),
        ("China", "LOC", 2, &[]),
        ("PBB", "ORG", 1, &[]),
        ("KCNA", "ORG", 1, &[]),
        ("Xi Jinping", "PER", 1, &[]),
        ("Ukraina", "LOC", 1, &[]),
        ("Vladimir Putin", "PER", 1, &[]),
    ];
    let got: Vec<(String, String, usize, Vec<String>)> = a
        .entities
        .iter()
        .map(|e| {
            (
                e.name.clone(),
                e.kind.to_string(),
                e.count,
                e.aliases.clone(),
            )
        })
        .collect();
    let want: Vec<(String, String, usize, Vec<String>)> = expected
        .iter()
        .map(|(n, k, c, al)| {
            (
                n.to_string(),
                k.to_string(),
                *c,
                al.iter().map(|s| s.to_string()).collect(),
            )
        })
        .collect();
    assert_eq!(got, want);
    // Every mention is the entity's name, one of its aliases or the name
    // defining an alias ("Name (ALIAS)"), and no mention comes from a
    // removed line.
    for e in &a.entities {
        for m in &e.mentions {
            let defined = e
                .aliases
                .iter()
                .any(|al| m.text == format!("{} ({al})", e.name));
            assert!(
                m.text == e.name || e.aliases.contains(&m.text) || defined,
                "{m:?} of {}",
                e.name
            );
            assert!(!a.removed.iter().any(|r| r.start < m.end && m.start < r.end));
        }
    }
}

#[test]
fn titles_stay_outside_person_names() {
    let t = table(
        "Presiden Joko Widodo meresmikan jalan tol di Semarang.",
        &id(),
    );
    assert!(has(&t, "Joko Widodo", "PER"), "{t:?}");
    assert!(!t.iter().any(|(n, _, _)| n.contains("Presiden")), "{t:?}");
    let t = table(
        "Jaksa Agung Sanitiar Burhanuddin menegaskan hal itu. Komisaris Utama Ahok hadir.",
        &id(),
    );
    assert!(has(&t, "Sanitiar Burhanuddin", "PER"), "{t:?}");
    assert!(has(&t, "Ahok", "PER"), "{t:?}");
    let t = table(
        "KCNA mengatakan Kim dan Presiden China Xi Jinping bertukar pesan.",
        &id(),
    );
    assert!(has(&t, "China", "LOC"), "{t:?}");
    assert!(has(&t, "Xi Jinping", "PER"), "{t:?}");
    // A known place between a title and a name is a place whichever way the
    // tagger read it (here it leaves the place out).
    for (text, place, person) in [
        (
            "Pemimpin Korea Utara Kim Jong-Un menembakkan rudal.",
            "Korea Utara",
            "Kim Jong-Un",
        ),
        (
            "Gubernur Jawa Tengah Ganjar Pranowo meninjau banjir.",
            "Jawa Tengah",
            "Ganjar Pranowo",
        ),
        (
            "Kapolres Bogor AKBP Rio Wahyu Anggoro menjelaskan kronologinya.",
            "Bogor",
            "Rio Wahyu Anggoro",
        ),
    ] {
        let t = table(text, &id());
        assert!(has(&t, place, "LOC"), "{t:?}");
        assert!(has(&t, person, "PER"), "{t:?}");
    }
}

#[test]
fn a_name_opened_by_a_given_name_goes_by_its_second_word() {
    // "Muhammad Tito Karnavian" is "Tito" later; "Ahmad Muzani" "Muzani".
    let t = table(
        "Menteri Dalam Negeri Muhammad Tito Karnavian hadir. Tito mengatakan \
         pilkada aman. Ketua MPR Ahmad Muzani menyebut jadwal. Muzani hadir.",
        &id(),
    );
    assert!(
        t.contains(&("Muhammad Tito Karnavian".into(), "PER".into(), 2)),
        "{t:?}"
    );
    assert!(
        t.contains(&("Ahmad Muzani".into(), "PER".into(), 2)),
        "{t:?}"
    );
    // Not a middle word of a name without a given name first.
    let t = table(
        "Menteri Keuangan Purbaya Yudhi Sadewa hadir. Yudhi datang kemudian.",
        &id(),
    );
    assert!(
        !t.iter().any(|(n, _, c)| n.contains("Purbaya") && *c == 2),
        "{t:?}"
    );
}

#[test]
fn indonesian_names_around_titles_and_known_names() {
    // A known name followed by the rest of the person's name is one name.
    let t = table(
        "Menteri Keuangan Sri Mulyani Indrawati mengatakan APBN aman. Sri Mulyani optimistis.",
        &id(),
    );
    assert!(
        t.contains(&("Sri Mulyani Indrawati".into(), "PER".into(), 2)),
        "{t:?}"
    );
    // A company's name and its legal forms, tagged apart, are one name; the
    // name without them is the same company.
    let t = table(
        "PT Bank Mandiri (Persero) Tbk mencatat laba. Bank Mandiri optimistis.",
        &id(),
    );
    assert_eq!(
        t,
        [("PT Bank Mandiri (Persero) Tbk".into(), "ORG".into(), 2)]
    );
    // Its acronym, never defined, spells the name without the legal forms.
    let t = table("Laba PT Bank Central Asia Tbk naik. BCA optimistis.", &id());
    assert_eq!(t, [("PT Bank Central Asia Tbk".into(), "ORG".into(), 2)]);
    // A ministry and its short form, not defined in the text.
    let t = table(
        "Kementerian Kesehatan mencatat kasus baru. Kemenkes meminta warga waspada.",
        &id(),
    );
    assert_eq!(t, [("Kementerian Kesehatan".into(), "ORG".into(), 2)]);
    // "Tbk" has no dot of its own: the sentence's is not the name's.
    let t = table("Ia bekerja di PT Timah Tbk.", &id());
    assert_eq!(t, [("PT Timah Tbk".into(), "ORG".into(), 1)]);
    // "atau" ends a name too.
    let t = table(
        "Laba PT Bank Rakyat Indonesia (Persero) Tbk atau BRI naik.",
        &id(),
    );
    assert!(!t.iter().any(|(n, _, _)| n.contains("atau")), "{t:?}");
    // A country between an office and a person is a place, also after the
    // office's own words ("Presiden China Xi Jinping" in the words).
    let t = table(
        "Menteri Luar Negeri Rusia Sergei Lavrov tiba di Beijing.",
        &id(),
    );
    assert!(
        has(&t, "Rusia", "LOC") && has(&t, "Sergei Lavrov", "PER"),
        "{t:?}"
    );
    // After a title, a known place or organisation and the person's name
    // the tagger ran together are two.
    let t = table("Wali Kota Bogor Dedie A. Rachim meresmikan taman.", &id());
    assert!(has(&t, "Bogor", "LOC"), "{t:?}");
    assert!(
        t.iter()
            .any(|(n, k, _)| n.starts_with("Dedie") && k == "PER"),
        "{t:?}"
    );
    let t = table("Gubernur Bank Indonesia Perry Warjiyo menjelaskan.", &id());
    assert!(
        has(&t, "Bank Indonesia", "ORG") && has(&t, "Perry Warjiyo", "PER"),
        "{t:?}"
    );
    // "ke" and "dari" end a name: two clubs, not one.
    let t = table("Ia pindah dari Persija ke Arema FC.", &id());
    assert!(
        has(&t, "Persija", "ORG") && has(&t, "Arema FC", "ORG"),
        "{t:?}"
    );
    // An office title inside a tagged name splits off the office's body.
    let t = table(
        "Kapolda Metro Jaya Irjen Karyoto memimpin apel pagi.",
        &id(),
    );
    assert!(has(&t, "Karyoto", "PER"), "{t:?}");
    assert!(!t.iter().any(|(n, _, _)| n.contains("Irjen")), "{t:?}");
    // A title word that is also a name word stays in the name.
    let t = table("Lagu itu dinyanyikan Dewi Putri Lestari kemarin.", &id());
    assert!(has(&t, "Dewi Putri Lestari", "PER"), "{t:?}");
}

#[test]
fn a_place_with_and_without_its_administrative_head_is_one() {
    let t = table(
        "Kota Semarang diguyur hujan. Semarang kembali banjir. Warga Kota Semarang mengungsi.",
        &id(),
    );
    assert_eq!(t, [("Kota Semarang".into(), "LOC".into(), 3)]);
}

#[test]
fn an_indonesian_organisation_and_its_seat_are_one() {
    let t = table(
        "Hasil rekapitulasi diumumkan oleh KPU DKI Jakarta pada Senin. \
         Polda Jawa Barat menangkap tersangka.",
        &id(),
    );
    assert_eq!(
        t,
        [
            ("KPU DKI Jakarta".into(), "ORG".into(), 1),
            ("Polda Jawa Barat".into(), "ORG".into(), 1),
        ]
    );
}

#[test]
fn an_indonesian_headline_in_capitals_names_only_known_names() {
    let t = table(
        "PRABOWO TEMUI XI JINPING DI BEIJING\nPresiden Prabowo Subianto bertemu Presiden China \
         Xi Jinping di Beijing, Senin.",
        &id(),
    );
    assert!(!t.iter().any(|(n, _, _)| n.contains("TEMUI")), "{t:?}");
    assert!(
        has(&t, "Xi Jinping", "PER") && has(&t, "Beijing", "LOC"),
        "{t:?}"
    );
}

#[test]
fn a_club_suffix_after_a_place_makes_a_club() {
    let t = table(
        "Persib bermain imbang dengan Bali United di puncak klasemen.",
        &id(),
    );
    assert!(has(&t, "Bali United", "ORG"), "{t:?}");
}

#[test]
fn a_news_site_keeps_its_web_ending() {
    let t = table(
        "JAKARTA, KOMPAS.com - Banjir surut. Hal itu disampaikan kepada Kompas.com, Senin. \
         Seperti dilaporkan Republika.co.id dan TEMPO.CO, warga kembali ke rumah.",
        &id(),
    );
    assert!(t.contains(&("KOMPAS.com".into(), "ORG".into(), 2)), "{t:?}");
    assert!(has(&t, "Republika.co.id", "ORG"), "{t:?}");
    assert!(has(&t, "TEMPO.CO", "ORG"), "{t:?}");
    // Only a web address's ending is one: "St. Bonaventure" is no "St"
    // (every "St. …" was merged into one entity).
    let t = table(
        "St. Bonaventure lost to St. Joseph on Saturday. St. Bonaventure fans left early.",
        &en(),
    );
    assert!(
        t.contains(&("St. Bonaventure".into(), "ORG".into(), 2)),
        "{t:?}"
    );
    // An unknown name whose ending runs past the tagger's window (this
    // panicked: the ending's tokens have no facts there).
    let t = table("Menurut Xyzabc.co.id", &id());
    assert!(has(&t, "Xyzabc.co.id", "ORG"), "{t:?}");
}

#[test]
fn an_organisation_named_after_a_place_or_with_a_head_word_goes_by_its_first_word() {
    let t = table(
        "Persib Bandung menang 2-0. Pelatih Persib memuji pemainnya. PT Garuda Indonesia \
         (Persero) Tbk menambah rute. Garuda juga membuka rute ke Tokyo.",
        &id(),
    );
    assert!(
        t.contains(&("Persib Bandung".into(), "ORG".into(), 2)),
        "{t:?}"
    );
    let garuda = "PT Garuda Indonesia (Persero) Tbk";
    assert!(t.contains(&(garuda.into(), "ORG".into(), 2)), "{t:?}");
    // Or after a head word, after a word that is no place.
    let t = table(
        "Harvard University cut its budget. Harvard said the cuts were needed. Greater \
         Manchester Police said Manchester was calm.",
        &en(),
    );
    assert!(
        t.contains(&("Harvard University".into(), "ORG".into(), 2)),
        "{t:?}"
    );
    assert!(has(&t, "Manchester", "LOC"), "{t:?}");
    // Not a name whose second word is neither.
    let t = table(
        "Google Cloud signed a deal with the bank. Google said the deal was worth millions.",
        &en(),
    );
    assert!(
        has(&t, "Google", "ORG") && has(&t, "Google Cloud", "ORG"),
        "{t:?}"
    );
}

#[test]
fn an_indonesian_office_of_a_known_place_is_the_place() {
    let t = table(
        "Duta Besar Indonesia untuk Jepang Heri Akhmadi bertemu wartawan di Tokyo.",
        &id(),
    );
    assert!(has(&t, "Indonesia", "LOC"), "{t:?}");
    assert!(has(&t, "Heri Akhmadi", "PER"), "{t:?}");
    assert!(!t.iter().any(|(n, _, _)| n.contains("Duta")), "{t:?}");
}

#[test]
fn names_listed_together_are_of_one_type() {
    let t = table(
        "Banjir melanda Aceh Barat, Nagan Raya, Aceh Jaya, Pidie, dan Bireuen sejak pekan lalu.",
        &id(),
    );
    assert!(
        has(&t, "Pidie", "LOC") && has(&t, "Bireuen", "LOC"),
        "{t:?}"
    );
    let t = table(
        "Flooding hit Carlisle, Keswick, Cockermouth, Kendal and Appleby on Sunday.",
        &en(),
    );
    assert!(has(&t, "Keswick", "LOC"), "{t:?}");
    // An organisation's name of two words or more keeps its type, and a name
    // before "'s" is not one of the list.
    let t = table(
        "Peneliti dari Universitas Padjadjaran, Jatinangor, Sumedang, mengatakan hal itu.",
        &id(),
    );
    assert!(has(&t, "Universitas Padjadjaran", "ORG"), "{t:?}");
    let t = table(
        "Candidates elected were Ben Chan, Leung Che-cheung, FTU's Alice Mak and Junius Ho.",
        &en(),
    );
    assert!(has(&t, "FTU", "ORG"), "{t:?}");
}

#[test]
fn an_indonesian_building_is_a_place() {
    let t = table(
        "Presiden menerima tamu di Istana Negara, Jakarta. Rapat digelar di Gedung Merah Putih.",
        &id(),
    );
    assert!(has(&t, "Istana Negara", "LOC"), "{t:?}");
    assert!(has(&t, "Gedung Merah Putih", "LOC"), "{t:?}");
}

#[test]
fn a_quoted_works_title_is_no_entity() {
    let t = table(
        "Ia mulai dipandang sebagai \"simbol seks\" setelah perannya dalam film seperti \
         \"Road House\", mini seri \"North and South\", dan \"Dirty Dancing\".",
        &id(),
    );
    assert_eq!(t, []);
    // A known name in quotes stays one.
    let t = table("The film \"New York\" opened in Paris.", &en());
    assert!(has(&t, "New York", "LOC"), "{t:?}");
}

#[test]
fn academic_degrees_after_a_name_are_not_entities() {
    let t = table(
        "Rektor UGM Prof. Ova Emilia, M.Med.Ed., Sp.OG(K), Ph.D. membuka acara. \
         Pengacara Hotman Paris Hutapea, S.H., M.Hum. hadir.",
        &id(),
    );
    assert_eq!(
        t,
        [
            ("UGM".into(), "ORG".into(), 1),
            ("Ova Emilia".into(), "PER".into(), 1),
            ("Hotman Paris Hutapea".into(), "PER".into(), 1),
        ]
    );
    let t = table(
        "Jane Doe, Ph.D., spoke in Washington, D.C. on Monday.",
        &en(),
    );
    assert!(!t.iter().any(|(n, _, _)| n.contains("Ph")), "{t:?}");
    assert!(t.iter().any(|(n, _, _)| n.contains("Washington")), "{t:?}");
}

#[test]
fn day_and_month_names_are_not_entities() {
    let t = table(
        "Pada hari Senin, 3 November, Menteri Keuangan Sri Mulyani bertemu wartawan di Jakarta. \
         Sejak itu harga naik.",
        &id(),
    );
    for bad in ["Senin", "November", "Pada", "Sejak", "Menteri"] {
        assert!(!t.iter().any(|(n, _, _)| n == bad), "{bad} in {t:?}");
    }
    assert!(has(&t, "Jakarta", "LOC"), "{t:?}");
}

#[test]
fn indonesian_span_rules() {
    // Titles, also rule-only ones, stay outside the name.
    let t = table(
        "Kapolri menunjuk Komjen Pol Badrodin Haiti sebagai wakilnya.",
        &id(),
    );
    assert!(has(&t, "Badrodin Haiti", "PER"), "{t:?}");
    // A verb inside a span ends the name.
    let t = table(
        "Kementerian Sosial mengajak Himpunan Mahasiswa Islam berdialog.",
        &id(),
    );
    assert!(!t.iter().any(|(n, _, _)| n.contains("mengajak")), "{t:?}");
    // A place inside an organisation's name stays in it.
    let t = table(
        "Ia pernah menjadi Kepala Kejaksaan Tinggi Sulawesi Selatan.",
        &id(),
    );
    assert!(!t.iter().any(|(n, _, _)| n == "Sulawesi Selatan"), "{t:?}");
    // Phrases that are no entity on their own.
    let t = table(
        "Produk itu dijual di Tanah Air menjelang Pemilu, kata Budi Santoso.",
        &id(),
    );
    for bad in ["Tanah Air", "Pemilu"] {
        assert!(!t.iter().any(|(n, _, _)| n == bad), "{bad} in {t:?}");
    }
}

#[test]
fn english_span_rules() {
    // A name after an honorific is a person even where the tagger misses it.
    let t = table(
        "Mr. Thatcher said no. Gov. Gavin Newsom criticised the plan.",
        &en(),
    );
    assert!(has(&t, "Thatcher", "PER"), "{t:?}");
    assert!(has(&t, "Gavin Newsom", "PER"), "{t:?}");
    // A name particle opening the sentence, capitalised there, is part of
    // the surname after it.
    for (text, name) in [
        ("De Gaulle was mentioned in the speech.", "De Gaulle"),
        ("Di Maria scored twice on Sunday.", "Di Maria"),
    ] {
        let t = table(text, &en());
        assert!(has(&t, name, "PER"), "{t:?}");
    }
    // A given name the tagger left before a person's name is part of it.
    let t = table(
        "The Fed Chair Jerome Powell said this week rates would hold.",
        &en(),
    );
    assert!(has(&t, "Jerome Powell", "PER"), "{t:?}");
    // A whole title phrase is no name.
    let t = table("Secretary of State Antony Blinken arrived in Kyiv.", &en());
    assert!(has(&t, "Antony Blinken", "PER"), "{t:?}");
    assert!(!t.iter().any(|(n, _, _)| n == "State"), "{t:?}");
    // A company suffix makes an organisation.
    let t = table(
        "Shares in Daimler-Benz AG closed higher in Frankfurt.",
        &en(),
    );
    assert!(has(&t, "Daimler-Benz AG", "ORG"), "{t:?}");
    // A headline in capitals still finds known places; a date is no name.
    let t = table(
        "RUGBY UNION - CUTTITTA BACK FOR ITALY AFTER A YEAR .\nAL-AIN , United Arab Emirates 1996-12-06",
        &en(),
    );
    assert!(has(&t, "ITALY", "LOC"), "{t:?}");
    assert!(!t.iter().any(|(n, _, _)| n.starts_with("1996")), "{t:?}");
    // An unknown word opening the sentence before "said" is a person.
    let t = table("Fischler said on Monday that it was fine.", &en());
    assert!(has(&t, "Fischler", "PER"), "{t:?}");
    // Particles inside names.
    let t = table(
        "Manchester United manager Erik ten Hag met Ludwig van Beethoven.",
        &en(),
    );
    assert!(has(&t, "Erik ten Hag", "PER"), "{t:?}");
    assert!(has(&t, "Ludwig van Beethoven", "PER"), "{t:?}");
    // A lone given name is a person.
    let t = table("Please send it to Tom, not to me.", &en());
    assert!(has(&t, "Tom", "PER"), "{t:?}");
}

#[test]
fn acronym_defined_in_text_is_an_alias() {
    let a = analyse(
        "Komisi Pemberantasan Korupsi (KPK) memeriksa saksi. Juru bicara KPK membenarkan hal itu.",
        &id(),
    );
    let kpk = a
        .entities
        .iter()
        .find(|e| e.name == "Komisi Pemberantasan Korupsi")
        .expect("KPK found");
    assert_eq!(kpk.kind, EntityType::Org);
    // The name with its acronym is one mention, as Indonesian news
    // annotation writes it; the later "KPK" is the second.
    assert_eq!(kpk.count, 2);
    assert_eq!(kpk.aliases, ["KPK"]);
    let spans: Vec<&str> = kpk.mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(spans, ["Komisi Pemberantasan Korupsi (KPK)", "KPK"]);
}

#[test]
fn an_undefined_acronym_of_a_name_in_the_text_is_an_alias() {
    let t = table(
        "Komisi Pemberantasan Korupsi memeriksa saksi. Juru bicara KPK membenarkan.",
        &id(),
    );
    assert_eq!(
        t,
        [("Komisi Pemberantasan Korupsi".into(), "ORG".into(), 2)]
    );
    // Not when two names share the initials.
    let t = table(
        "Partai Amanat Nasional menolak usulan itu. Persatuan Atletik Nasional juga menolak. \
         Ketua PAN hadir.",
        &id(),
    );
    assert!(t.contains(&("PAN".into(), "ORG".into(), 1)), "{t:?}");
}

#[test]
fn a_short_form_of_syllables_defined_in_brackets_is_an_alias() {
    for (text, name, alias) in [
        (
            "Kejaksaan Agung (Kejagung) menahan tersangka. Kejagung menyita uang.",
            "Kejaksaan Agung",
            "Kejagung",
        ),
        (
            "Kementerian Kesehatan (Kemenkes) melaporkan kasus baru. Menurut Kemenkes, kasus turun.",
            "Kementerian Kesehatan",
            "Kemenkes",
        ),
    ] {
        let a = analyse(text, &id());
        let e = a.entities.iter().find(|e| e.name == name).expect(name);
        assert_eq!((e.count, e.aliases.as_slice()), (2, [alias.to_string()].as_slice()));
    }
    // A person's short name merges too but stays a mention of its own.
    let a = analyse(
        "Presiden Joko Widodo (Jokowi) tiba. Jokowi lalu berpidato.",
        &id(),
    );
    let e = a
        .entities
        .iter()
        .find(|e| e.name == "Joko Widodo")
        .expect("Jokowi");
    let spans: Vec<&str> = e.mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(spans, ["Joko Widodo", "Jokowi", "Jokowi"]);
}

#[test]
fn acronym_after_a_person_is_one_mention_in_indonesian_two_in_english() {
    let a = analyse(
        "Presiden Susilo Bambang Yudhoyono (SBY) tiba di Bandung. SBY lalu berpidato.",
        &id(),
    );
    let sby = a
        .entities
        .iter()
        .find(|e| e.name == "Susilo Bambang Yudhoyono")
        .expect("SBY found");
    let spans: Vec<&str> = sby.mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(spans, ["Susilo Bambang Yudhoyono (SBY)", "SBY"]);
    // English writes the name and its acronym as two mentions.
    let a = analyse(
        "The World Health Organization (WHO) warned on Monday. WHO experts said so.",
        &en(),
    );
    let who = a
        .entities
        .iter()
        .find(|e| e.name == "World Health Organization")
        .expect("WHO found");
    let spans: Vec<&str> = who.mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(spans, ["World Health Organization", "WHO", "WHO"]);
}

#[test]
fn surname_merges_only_when_unambiguous() {
    let t = table(
        "Donald Trump spoke in Ohio. Later Trump met reporters in Washington.",
        &en(),
    );
    assert!(
        t.contains(&("Donald Trump".into(), "PER".into(), 2)),
        "{t:?}"
    );
    // Two people share "Kim": the bare "Kim" is not merged into either.
    let t = table(
        "Kim Jong-Un bertemu Kim Yo-jong di Pyongyang. Kim kemudian pergi.",
        &id(),
    );
    assert!(
        has(&t, "Kim Jong-Un", "PER") && has(&t, "Kim Yo-jong", "PER"),
        "{t:?}"
    );
    let jong_un = t.iter().find(|(n, _, _)| n == "Kim Jong-Un").map(|x| x.2);
    assert_eq!(jong_un, Some(1), "{t:?}");
}

#[test]
fn a_name_part_the_tagger_left_out_counts_for_its_person() {
    // "Xi" alone is no name to the English tagger; after "Xi Jinping" it is his.
    let t = table(
        "Biden met Chinese President Xi Jinping on Wednesday. Biden said that Xi had agreed to \
         resume talks. China's foreign ministry said Xi told Biden that Taiwan mattered most.",
        &en(),
    );
    assert!(t.contains(&("Xi Jinping".into(), "PER".into(), 3)), "{t:?}");
    // Nor inside an address.
    let r = count_entities(
        "Kevin Boone joined Accenture in May. Write to kevin.Boone@example.com or ask Boone.",
        &en(),
    );
    let kevin = r
        .iter()
        .find(|e| e.name == "Kevin Boone")
        .expect("Kevin Boone");
    assert_eq!(kevin.count, 2, "{r:?}");
    // A part that is a common word is left alone: "Young" and "Karya" here
    // are no names.
    let t = table(
        "Senator Mark Young said on Monday that he would run. Young people cheered the news.",
        &en(),
    );
    assert!(t.contains(&("Mark Young".into(), "PER".into(), 1)), "{t:?}");
    let t = table(
        "Gubernur Budi Karya tiba di Bandung. Karya seni dipamerkan. Budi tersenyum.",
        &id(),
    );
    assert!(t.contains(&("Budi Karya".into(), "PER".into(), 2)), "{t:?}");
}

#[test]
fn a_known_place_named_in_two_sentences_counts_in_indonesian() {
    // In one sentence a place as actor or modifier is left to the tagger (as
    // idner-news-2k annotates it); an article that names it in several
    // sentences is about it.
    let article = "Israel kembali melancarkan serangan udara ke Jalur Gaza pada Selasa. \
        Militer Israel mengatakan serangan menyasar posisi Hamas. \
        Perdana Menteri Israel Benjamin Netanyahu menegaskan operasi akan berlanjut.";
    let t = table(article, &id());
    assert!(t.contains(&("Israel".into(), "LOC".into(), 3)), "{t:?}");
    let t = table(
        "Di pihak Israel, korban konflik Hamas dengan Israel mencapai 68 orang.",
        &id(),
    );
    assert!(!t.iter().any(|(n, _, _)| n == "Israel"), "{t:?}");
}

#[test]
fn an_organisation_with_and_without_its_legal_form_is_one() {
    let t = table(
        "PT Pertamina (Persero) menaikkan harga. Pertamina menyebut harga minyak naik.",
        &id(),
    );
    assert_eq!(t, [("PT Pertamina (Persero)".into(), "ORG".into(), 2)]);
    let t = table(
        "Apple Inc. reported a profit. Apple said sales rose. Ford Motor Co. cut jobs. \
         Ford Motor said demand fell.",
        &en(),
    );
    assert!(t.contains(&("Apple Inc.".into(), "ORG".into(), 2)), "{t:?}");
    // The legal form decides the type.
    assert!(
        t.contains(&("Ford Motor Co.".into(), "ORG".into(), 2)),
        "{t:?}"
    );
    // A web address's ending and a legal form after it: the name without
    // them is the same company.
    let t = table(
        "Amazon.com Inc. said it would invest. Amazon said more.",
        &en(),
    );
    assert_eq!(t, [("Amazon.com Inc.".into(), "ORG".into(), 2)]);
    // A suffix the tagger left out belongs to the name and makes it a company.
    let t = table(
        "Barratt Redrow plc cut its forecast. Volkswagen AG said sales fell. \
         Volkswagen shares rose.",
        &en(),
    );
    assert!(has(&t, "Barratt Redrow plc", "ORG"), "{t:?}");
    assert!(
        t.contains(&("Volkswagen AG".into(), "ORG".into(), 2)),
        "{t:?}"
    );
}

#[test]
fn english_spans_break_at_lower_case_words_and_titles_make_people() {
    let t = table("Judge Nancy Brasel said Jordan Pham lied.", &en());
    assert!(has(&t, "Nancy Brasel", "PER"), "{t:?}");
    assert!(!t.iter().any(|(n, _, _)| n.contains("said")), "{t:?}");
    // Names hold "of", "and", particles.
    let t = table("Shares of the Bank of England rose.", &en());
    assert!(has(&t, "Bank of England", "ORG"), "{t:?}");
    // A title before plain capitalised words is a person's.
    let t = table("President Volodymyr Zelenskiy urged allies to act.", &en());
    assert!(has(&t, "Volodymyr Zelenskiy", "PER"), "{t:?}");
    let t = table("PC Daniel Okafor was sacked.", &en());
    assert_eq!(t, [("Daniel Okafor".into(), "PER".into(), 1)]);
    // ... and over "for"; the head word types a name the tagger took for a
    // person's.
    let t = table("The Federal Ministry for Economic Affairs said.", &en());
    assert_eq!(
        t,
        [(
            "Federal Ministry for Economic Affairs".into(),
            "ORG".into(),
            1
        )]
    );
    let t = table("Cheshire Constabulary said.", &en());
    assert_eq!(t, [("Cheshire Constabulary".into(), "ORG".into(), 1)]);
    // Capitalised words before a head word are the name's (common ones
    // before "and" too), not another name's.
    for (text, names) in [
        (
            "Officers from Greater Manchester Police said.",
            &["Greater Manchester Police"][..],
        ),
        (
            "The Food and Drug Administration approved it.",
            &["Food and Drug Administration"],
        ),
        (
            "Barclays and Lloyds Bank said.",
            &["Barclays", "Lloyds Bank"],
        ),
    ] {
        let t = table(text, &en());
        let got: Vec<&str> = t.iter().map(|(n, _, _)| n.as_str()).collect();
        assert_eq!(got, names, "{text}");
    }
    // A court's name goes on over "of" too.
    let t = table("The International Court of Justice said.", &en());
    assert_eq!(
        t,
        [("International Court of Justice".into(), "ORG".into(), 1)]
    );
    // An office after an organisation's acronym is no part of its name.
    let t = table(
        "WHO Director-General Tedros Adhanom Ghebreyesus said.",
        &en(),
    );
    assert!(has(&t, "WHO", "ORG"), "{t:?}");
    // A day or month after a connector is no part of a name.
    let t = table("He appeared at Leeds Crown Court on Tuesday.", &en());
    assert_eq!(t, [("Leeds Crown Court".into(), "ORG".into(), 1)]);
    // Roles of news: officials, sport (rule-only titles).
    for (text, name) in [
        ("Administrator Deanne Criswell said.", "Deanne Criswell"),
        ("Dutch MEP Bas Eickhout said.", "Bas Eickhout"),
        ("Striker Erling Haaland scored.", "Erling Haaland"),
        ("Ald. Emma Mitts said.", "Emma Mitts"),
    ] {
        let t = table(text, &en());
        assert_eq!(t, [(name.into(), "PER".into(), 1)], "{text}");
    }
    // An organisation's head goes on over "of"; its acronym then merges.
    let t = table(
        "The Federal Bureau of Investigation opened a case. The FBI said it would help.",
        &en(),
    );
    assert_eq!(
        t,
        [("Federal Bureau of Investigation".into(), "ORG".into(), 2)]
    );
    // The head word at the end tells an English name's type.
    let t = table(
        "Police said Hennepin County employees were questioned near Etihad Stadium.",
        &en(),
    );
    assert!(has(&t, "Hennepin County", "LOC"), "{t:?}");
    // A given name that is also a word opens a sentence's name.
    let t = table("Mark Carney said rates would fall.", &en());
    assert!(has(&t, "Mark Carney", "PER"), "{t:?}");
    // A place that is also a given name before a surname is a person's.
    let t = table("Charlotte Wood won the prize in Sydney.", &en());
    assert!(has(&t, "Charlotte Wood", "PER"), "{t:?}");
    // A party-and-state tag is no name.
    let t = table("House Speaker Mike Johnson, R-La., said on Tuesday.", &en());
    assert_eq!(t, [("Mike Johnson".into(), "PER".into(), 1)]);
}

#[test]
fn a_datelines_place_and_agency_are_entities() {
    for (text, place, agency) in [
        (
            "Paris (ANTARA) - Gregoria Mariska Tunjung meraih gelar juara.",
            "Paris",
            Some("ANTARA"),
        ),
        (
            "SURABAYA, KOMPAS.com - Polisi menangkap dua tersangka.",
            "SURABAYA",
            None,
        ),
        (
            "TEMPO.CO, Jakarta - Polisi menangkap dua tersangka.",
            "Jakarta",
            None,
        ),
        (
            "Jakarta - Komisi Pemberantasan Korupsi menahan tersangka.",
            "Jakarta",
            None,
        ),
    ] {
        let t = table(text, &id());
        assert!(has(&t, place, "LOC"), "{t:?}");
        if let Some(agency) = agency {
            assert!(has(&t, agency, "ORG"), "{t:?}");
        }
    }
    let t = table("LONDON (Reuters) - The Bank of England held rates.", &en());
    assert!(
        has(&t, "LONDON", "LOC") && has(&t, "Reuters", "ORG"),
        "{t:?}"
    );
    // Two names and a dash are no dateline; nor is a list line.
    let t = table("Prabowo - Hatta menggugat ke Mahkamah Konstitusi.", &id());
    assert!(!t.iter().any(|(_, k, _)| k == "LOC"), "{t:?}");
    let t = table("Albrighton (Shropshire) - 2 platforms", &en());
    assert!(!has(&t, "Shropshire", "ORG"), "{t:?}");
    // An outlet in lower case before the place (a look one token back from
    // the first once indexed out of bounds).
    let t = table("tempo.co, Jakarta - Polisi datang.", &id());
    assert!(has(&t, "Jakarta", "LOC"), "{t:?}");
}

#[test]
fn the_name_shown_is_not_the_datelines_capitals() {
    let t = table(
        "WASHINGTON, March 3 - The senator spoke. Officials in Washington said little.",
        &en(),
    );
    assert!(t.contains(&("Washington".into(), "LOC".into(), 2)), "{t:?}");
}

#[test]
fn lower_cased_text_still_finds_known_names() {
    let t = table(
        "presiden joko widodo berkunjung ke jakarta dan bertemu pejabat kpk.",
        &id(),
    );
    assert!(
        t.iter().any(|(n, k, _)| n == "jakarta" && k == "LOC"),
        "{t:?}"
    );
}

#[test]
fn ranked_by_count_then_first_mention() {
    let a = analyse(
        "Kami tinggal di Jakarta dan Bandung. Lalu ke Bandung. Dari Surabaya ke Bandung lalu ke Jakarta.",
        &id(),
    );
    let names: Vec<&str> = a.entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Bandung", "Jakarta", "Surabaya"]);
    for e in &a.entities {
        assert_eq!(e.count, e.mentions.len());
        assert!(e.mentions.windows(2).all(|w| w[0].start < w[1].start));
    }
}

#[test]
fn entity_types_option_selects_types() {
    let opts = Options {
        entity_types: Some(vec![EntityType::Loc]),
        ..id()
    };
    let es = count_entities("Presiden Joko Widodo tiba di Bandung.", &opts);
    assert!(es.iter().all(|e| e.kind == EntityType::Loc), "{es:?}");
    assert!(es.iter().any(|e| e.name == "Bandung"));
}

#[test]
fn never_panics_on_pathological_input() {
    let inputs = [
        ".".repeat(100_000),
        "A. ".repeat(5_000),
        "Dr. ".repeat(5_000),
        "X".repeat(200_000),
        "Kim (((((( DK PBB ))))) ".repeat(500),
        "( ) ( ( ) ) [ ] Ä ( Ö".to_string(),
        "AS AS AS AS ".repeat(2_000),
        "é\u{301}\u{200d}👩‍👩‍👧 Jakarta\u{0} (KPK".to_string(),
    ];
    for text in &inputs {
        for o in [id(), en()] {
            let a = analyse(text, &o);
            for e in &a.entities {
                assert_eq!(e.count, e.mentions.len());
            }
        }
    }
}

#[test]
fn hard_indonesian_cases() {
    let t = table(
        "Banjir melanda kawasan Pasar Minggu, Jakarta Selatan, pada hari Minggu.",
        &id(),
    );
    assert!(has(&t, "Pasar Minggu", "LOC"), "{t:?}");
    assert!(!t.iter().any(|(n, _, _)| n == "Minggu"), "{t:?}");
    let t = table(
        "Rektor Universitas Andalas Prof. Dr. M. Zulman mengatakan hal itu.",
        &id(),
    );
    assert!(has(&t, "M. Zulman", "PER"), "{t:?}");
    assert!(!t.iter().any(|(n, _, _)| n.contains("Prof")), "{t:?}");
    let t = table("Presiden Sudan Omar al-Beshir tiba di Khartoum.", &id());
    assert!(has(&t, "Omar al-Beshir", "PER"), "{t:?}");
    let t = table("Menurut Widodo AS, situasi aman.", &id());
    assert!(has(&t, "Widodo AS", "PER"), "{t:?}");
    assert!(!has(&t, "AS", "LOC"), "{t:?}");
}

#[test]
fn english_news_organisations_and_non_names() {
    // An organisation name the tagger cut at "of" is one; the Hajj and a
    // nationality phrase are no names.
    let t = table(
        "Italy's Supreme Court of Cassation ruled on Monday. Pilgrims travelled to \
         Mecca for the Hajj, like every other New Zealander on the roll.",
        &en(),
    );
    assert!(has(&t, "Supreme Court of Cassation", "ORG"), "{t:?}");
    assert!(has(&t, "Mecca", "LOC"), "{t:?}");
    assert!(
        !t.iter()
            .any(|(n, _, _)| n == "Hajj" || n == "New Zealander"),
        "{t:?}"
    );
}

#[test]
fn english_news_acronyms_and_hyphenated_names() {
    // "'s" is two tokens ("DAB", "'", "s"); an acronym after a person and
    // "of" is an organisation; a hyphenated given name makes a person, and
    // so does a syllable after a hyphen between spaces.
    let t = table(
        "Also elected were DAB's Ben Chan and Michael Tien of NPP. \
         Voters backed Kwok Ka-ki and Hui Chi-fung. \
         Later , Lee Cheuk - yan spoke to reporters.",
        &en(),
    );
    assert!(has(&t, "DAB", "ORG"), "{t:?}");
    assert!(has(&t, "NPP", "ORG"), "{t:?}");
    assert!(has(&t, "Kwok Ka-ki", "PER"), "{t:?}");
    assert!(has(&t, "Hui Chi-fung", "PER"), "{t:?}");
    assert!(has(&t, "Lee Cheuk - yan", "PER"), "{t:?}");
    // A common word after the hyphen is none; an acronym inside a longer
    // name is none.
    let t = table(
        "We met Jackie Taylor - she said so. See Rat ASCII's page.",
        &en(),
    );
    assert!(!t.iter().any(|(n, _, _)| n.contains("she")), "{t:?}");
    assert!(!has(&t, "ASCII", "ORG"), "{t:?}");
}

#[test]
fn english_news_organisation_heads() {
    // A head word the tagger left after a name ends it.
    let t = table(
        "Nurse Lucy Letby has been sentenced at Manchester Crown Court for murdering seven \
         babies.",
        &en(),
    );
    assert!(has(&t, "Manchester Crown Court", "ORG"), "{t:?}");
    // Capitalised words ending in an organisation's head word are one; a
    // capitalised "New" before an organisation is part of it.
    let t = table(
        "According to the Saudi Interior Ministry , 345 pilgrims died. \
         The interim Governing Council issued a statement. \
         He beat the pro-Beijing New People Party candidate.",
        &en(),
    );
    assert!(has(&t, "Saudi Interior Ministry", "ORG"), "{t:?}");
    assert!(has(&t, "Governing Council", "ORG"), "{t:?}");
    assert!(has(&t, "New People Party", "ORG"), "{t:?}");
}

#[test]
fn english_events_are_misc_and_not_listed_by_default() {
    let text = "Japan , co-hosts of the World Cup in 2002 , won the Asian Games title \
                and played in the Zimbabwe Open.";
    let t = table(text, &en());
    assert!(has(&t, "Japan", "LOC"), "{t:?}");
    // An event is no organisation, and the place in its name no place of
    // its own ("Zimbabwe" of "Zimbabwe Open").
    for name in ["World Cup", "Asian Games", "Zimbabwe Open", "Zimbabwe"] {
        assert!(!t.iter().any(|(n, _, _)| n == name), "{name}: {t:?}");
    }
    let all = Options {
        entity_types: Some(vec![
            EntityType::Per,
            EntityType::Loc,
            EntityType::Org,
            EntityType::Misc,
        ]),
        ..en()
    };
    let t = table(text, &all);
    for name in ["World Cup", "Asian Games", "Zimbabwe Open"] {
        assert!(has(&t, name, "MISC"), "{name}: {t:?}");
    }
    // Asked for alone too.
    let misc = Options {
        entity_types: Some(vec![EntityType::Misc]),
        ..en()
    };
    let t = table(text, &misc);
    assert!(has(&t, "World Cup", "MISC") && t.len() == 3, "{t:?}");
}

#[test]
fn english_unknown_names_beside_a_verb_are_people() {
    for (text, name) in [
        (
            "In his formal statement , Gorst said he would resign .",
            "Gorst",
        ),
        (
            "The gunmen fled , said Dofora and other witnesses .",
            "Dofora",
        ),
        (
            "In a statement Havel , who is recovering , thanked doctors .",
            "Havel",
        ),
        // Left out by the tagger, after a quotation.
        (
            "\"I do not know , \" Rosati told a news conference .",
            "Rosati",
        ),
        // Two unknown capitalised words before a verb in the past tense.
        (
            "Takuya Takagi scored the winner in the 88th minute .",
            "Takuya Takagi",
        ),
        (
            "Romania trainer Anghel Iordanescu called up three players .",
            "Anghel Iordanescu",
        ),
    ] {
        let t = table(text, &en());
        assert!(has(&t, name, "PER"), "{t:?}");
    }
}

#[test]
fn swiss_is_a_nationality_in_english_and_a_place_in_indonesian() {
    let t = table("Blinker was fined 75,000 Swiss francs in Geneva .", &en());
    assert!(has(&t, "Geneva", "LOC"), "{t:?}");
    assert!(!t.iter().any(|(n, _, _)| n == "Swiss"), "{t:?}");
    let t = table("Delegasi itu tiba di Swiss pada Senin.", &id());
    assert!(has(&t, "Swiss", "LOC"), "{t:?}");
}

#[test]
fn a_date_after_a_datelines_place_is_no_part_of_it() {
    let t = table(
        "NEW YORK 1996-12-06\nShares of Acme Corp. rose sharply on Friday.",
        &en(),
    );
    assert!(has(&t, "NEW YORK", "LOC"), "{t:?}");
    assert!(!t.iter().any(|(n, _, _)| n.contains("1996")), "{t:?}");
    // A number in a name stays.
    let t = table("Siswa SMP Negeri 1 Bogor berlibur di Jakarta.", &id());
    assert!(has(&t, "SMP Negeri 1 Bogor", "LOC"), "{t:?}");
}

#[test]
fn a_nationality_word_before_a_persons_name_is_no_part_of_it() {
    let t = table(
        "Vicenza , led by Uruguayan Marcelo Otero , won again .",
        &en(),
    );
    assert!(has(&t, "Marcelo Otero", "PER"), "{t:?}");
    let t = table(
        "The Australian brushed aside unseeded Englishman Mark Cairns .",
        &en(),
    );
    assert!(has(&t, "Mark Cairns", "PER"), "{t:?}");
    // Nationality words alone are no names.
    let t = table(
        "The Zairean government and Liberian rebels met Czechs in Paris .",
        &en(),
    );
    assert!(has(&t, "Paris", "LOC"), "{t:?}");
    for w in ["Zairean", "Liberian", "Czechs"] {
        assert!(!t.iter().any(|(n, _, _)| n == w), "{w}: {t:?}");
    }
}

#[test]
fn a_short_word_not_in_capitals_is_no_acronym() {
    // "Ma" is no "MA" (Mahkamah Agung) ...
    let t = table(
        "Menurut Direktur Jenderal ASEAN Tiongkok Center Ma Mingqiang , turis datang .",
        &id(),
    );
    assert!(has(&t, "Ma Mingqiang", "PER"), "{t:?}");
    assert!(!t.iter().any(|(n, k, _)| n == "Ma" && k == "ORG"), "{t:?}");
    // ... but in lower-cased text the lexicon's acronyms are still found.
    let t = table("ketua dpr puan maharani tiba di gedung kpk.", &id());
    assert!(t.iter().any(|(n, k, _)| n == "dpr" && k == "ORG"), "{t:?}");
}

#[test]
fn english_acronym_in_brackets_after_an_organisation_is_one() {
    let t = table(
        "The ruling Czech Civic Democratic Party ( ODS ) will meet on Saturday .",
        &en(),
    );
    assert!(has(&t, "ODS", "ORG"), "{t:?}");
}

#[test]
fn english_given_name_and_unknown_word_taken_for_a_place_is_a_person() {
    let t = table("\" It 's a long game . \" - Matthew Ingram", &en());
    assert!(has(&t, "Matthew Ingram", "PER"), "{t:?}");
    // Not before a place's head word.
    let t = table("Flooding closed roads in Douglas County on Monday .", &en());
    assert!(!t.iter().any(|(_, k, _)| k == "PER"), "{t:?}");
}
