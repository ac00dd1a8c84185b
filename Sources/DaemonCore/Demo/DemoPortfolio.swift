public import Analytics
import Foundation

/// The sample portfolio `impactd --demo` seeds into an empty database: 31 invented projects of a
/// national humanitarian NGO, covering every domain of impact-v1, every status and every risk type.
///
/// The document is compiled into the binary so the daemon needs no resource bundle; the same
/// text is `examples/demo-portfolio.json`, and `scripts/check-demo.sh` fails when they differ.
public enum DemoPortfolio {
  /// The `impact-portfolio/1` document, exactly the text of `examples/demo-portfolio.json`
  /// (without its final newline).
  public static let json: String = #"""
{
  "format": "impact-portfolio/1",
  "projects": [
    {
      "id": "epicerie-solidaire-roubaix",
      "name": "Épicerie solidaire – Roubaix",
      "programme": "Aide alimentaire",
      "territory": "Hauts-de-France",
      "status": "funded",
      "amount": 180000,
      "evidence_level": 3,
      "risks": {"external": 1, "efficiency": 1, "endurance": 1},
      "ratings": [
        {"criterion": "what", "rater": "amel", "value": 4},
        {"criterion": "what", "rater": "bruno", "value": 3},
        {"criterion": "who", "rater": "amel", "value": 3},
        {"criterion": "who", "rater": "chloe", "value": 3},
        {"criterion": "participation", "rater": "bruno", "value": 3, "comment": "Un comité de clients choisit une partie de l'assortiment."},
        {"criterion": "systemic", "rater": "chloe", "value": 2}
      ],
      "outcomes": [
        {"id": "manger-a-sa-faim", "domain": "basic_needs", "share": 0.6,
         "indicator": "Ménages déclarant manger à leur faim chaque jour", "unit": "%", "direction": "higher_is_better",
         "baseline": 35, "threshold": 85, "target": 70, "actual": 62,
         "reach": 640, "duration_years": 1,
         "deadweight": 0.2, "attribution": 0.3, "displacement": 0.05, "financial_proxy": 450},
        {"id": "reste-a-charge", "domain": "autonomy", "share": 0.25,
         "indicator": "Ménages ayant retrouvé une marge dans leur budget", "unit": "part des ménages",
         "survey": {"very_much": 0.42, "slightly": 0.38},
         "reach": 640, "duration_years": 2, "drop_off": 0.3,
         "deadweight": 0.25, "attribution": 0.3},
        {"id": "ateliers-cuisine", "domain": "social_link", "share": 0.15,
         "indicator": "Participants aux ateliers cuisine se sentant moins isolés", "unit": "part des participants",
         "survey": {"very_much": 0.35, "slightly": 0.4},
         "reach": 180}
      ]
    },
    {
      "id": "distribution-alimentaire-marseille-nord",
      "name": "Distribution alimentaire – Marseille quartiers Nord",
      "programme": "Aide alimentaire",
      "territory": "Provence-Alpes-Côte d'Azur",
      "status": "funded",
      "amount": 420000,
      "evidence_level": 2,
      "risks": {"external": 2, "efficiency": 2, "execution": 1, "endurance": 2},
      "ratings": [
        {"criterion": "what", "rater": "driss", "value": 4},
        {"criterion": "who", "rater": "driss", "value": 3},
        {"criterion": "who", "rater": "eva", "value": 4},
        {"criterion": "participation", "rater": "eva", "value": 1},
        {"criterion": "systemic", "rater": "amel", "value": 1}
      ],
      "outcomes": [
        {"id": "besoins-alimentaires", "domain": "basic_needs", "share": 0.8,
         "indicator": "Ménages couvrant leurs besoins alimentaires de la semaine", "unit": "%", "direction": "higher_is_better",
         "baseline": 25, "threshold": 80, "target": 60, "actual": 58,
         "reach": 3800, "duration_years": 1,
         "deadweight": 0.3, "attribution": 0.4, "financial_proxy": 300},
        {"id": "orientation-droits", "domain": "rights", "share": 0.2,
         "indicator": "Ménages orientés vers une ouverture de droits", "unit": "%", "direction": "higher_is_better",
         "baseline": 10, "threshold": 50, "actual": 22,
         "reach": 900, "duration_years": 1,
         "deadweight": 0.2, "attribution": 0.5}
      ]
    },
    {
      "id": "logistique-alimentaire-grand-est",
      "name": "Plateforme logistique alimentaire – Grand Est",
      "programme": "Aide alimentaire",
      "territory": "Grand Est",
      "status": "funded",
      "amount": 650000,
      "evidence_level": 3,
      "risks": {"external": 1, "efficiency": 1, "execution": 1, "alignment": 2, "unexpected_impact": 3},
      "ratings": [
        {"criterion": "what", "rater": "bruno", "value": 3},
        {"criterion": "who", "rater": "bruno", "value": 2},
        {"criterion": "who", "rater": "gaelle", "value": 2},
        {"criterion": "participation", "rater": "gaelle", "value": 1},
        {"criterion": "systemic", "rater": "chloe", "value": 2, "comment": "Le passage des camions au bioGNV est prévu mais pas encore financé."}
      ],
      "outcomes": [
        {"id": "denrees-redistribuees", "domain": "basic_needs", "share": 0.7,
         "indicator": "Denrées redistribuées aux associations partenaires", "unit": "t/an", "direction": "higher_is_better",
         "baseline": 1200, "threshold": 2500, "target": 2200, "actual": 2350,
         "reach": 9500, "duration_years": 3, "drop_off": 0.1,
         "deadweight": 0.15, "attribution": 0.5, "financial_proxy": 120},
        {"id": "emissions-flotte", "domain": "environment", "share": 0.3,
         "indicator": "Émissions de la flotte de camions frigorifiques", "unit": "tCO2e/an", "direction": "lower_is_better",
         "baseline": 310, "threshold": 180, "actual": 335,
         "harmful": true}
      ]
    },
    {
      "id": "hebergement-urgence-paris-13",
      "name": "Centre d'hébergement d'urgence – Paris 13e",
      "programme": "Hébergement",
      "territory": "Île-de-France",
      "status": "funded",
      "amount": 900000,
      "evidence_level": 3,
      "risks": {"external": 2, "stakeholder_participation": 1, "drop_off": 1, "efficiency": 2, "execution": 1, "alignment": 0, "endurance": 2, "unexpected_impact": 1},
      "ratings": [
        {"criterion": "what", "rater": "amel", "value": 4},
        {"criterion": "what", "rater": "driss", "value": 4},
        {"criterion": "who", "rater": "driss", "value": 4},
        {"criterion": "who", "rater": "eva", "value": 3},
        {"criterion": "who", "rater": "amel", "value": 4},
        {"criterion": "participation", "rater": "amel", "value": 2},
        {"criterion": "participation", "rater": "chloe", "value": 2},
        {"criterion": "systemic", "rater": "bruno", "value": 2}
      ],
      "outcomes": [
        {"id": "sans-retour-rue", "domain": "basic_needs", "share": 0.5,
         "indicator": "Personnes hébergées sans retour à la rue dans l'année", "unit": "%", "direction": "higher_is_better",
         "baseline": 40, "threshold": 85, "target": 75, "actual": 71,
         "reach": 520, "duration_years": 2, "drop_off": 0.25,
         "deadweight": 0.1, "attribution": 0.2, "financial_proxy": 4200},
        {"id": "suivi-medical", "domain": "health", "share": 0.25,
         "indicator": "Résidents ayant un suivi médical régulier", "unit": "%", "direction": "higher_is_better",
         "baseline": 20, "threshold": 70, "actual": 48,
         "reach": 520, "duration_years": 1,
         "deadweight": 0.2, "attribution": 0.4, "financial_proxy": 900},
        {"id": "droits-complets", "domain": "rights", "share": 0.25,
         "indicator": "Résidents dont les droits sociaux sont ouverts", "unit": "%", "direction": "higher_is_better",
         "baseline": 30, "threshold": 90, "target": 75, "actual": 69,
         "reach": 520, "duration_years": 3, "drop_off": 0.2,
         "deadweight": 0.15, "attribution": 0.3, "financial_proxy": 600}
      ]
    },
    {
      "id": "pension-de-famille-rennes",
      "name": "Pension de famille – Rennes",
      "programme": "Hébergement",
      "territory": "Bretagne",
      "status": "funded",
      "amount": 380000,
      "evidence_level": 5,
      "risks": {"drop_off": 1, "efficiency": 1, "endurance": 1},
      "ratings": [
        {"criterion": "what", "rater": "eva", "value": 4},
        {"criterion": "who", "rater": "eva", "value": 4},
        {"criterion": "who", "rater": "amel", "value": 4},
        {"criterion": "participation", "rater": "eva", "value": 4, "comment": "Le conseil de maison fixe les règles de vie avec les résidents."},
        {"criterion": "systemic", "rater": "bruno", "value": 3}
      ],
      "outcomes": [
        {"id": "maintien-logement", "domain": "basic_needs", "share": 0.6,
         "indicator": "Résidents toujours logés après deux ans", "unit": "%", "direction": "higher_is_better",
         "baseline": 45, "threshold": 90, "target": 85, "actual": 88,
         "reach": 28, "duration_years": 5, "drop_off": 0.1,
         "deadweight": 0.1, "attribution": 0.2, "financial_proxy": 9000},
        {"id": "lien-social-retrouve", "domain": "social_link", "share": 0.4,
         "indicator": "Résidents déclarant avoir retrouvé des liens", "unit": "part des résidents",
         "survey": {"very_much": 0.6, "slightly": 0.25},
         "reach": 28, "duration_years": 3, "drop_off": 0.2,
         "deadweight": 0.1, "attribution": 0.2}
      ]
    },
    {
      "id": "maraudes-lyon",
      "name": "Maraudes de nuit – Lyon",
      "programme": "Hébergement",
      "territory": "Auvergne-Rhône-Alpes",
      "status": "funded",
      "amount": 140000,
      "evidence_level": 2,
      "risks": {"external": 2, "stakeholder_participation": 2, "drop_off": 2, "endurance": 1},
      "ratings": [
        {"criterion": "what", "rater": "chloe", "value": 4},
        {"criterion": "who", "rater": "chloe", "value": 4},
        {"criterion": "who", "rater": "gaelle", "value": 4},
        {"criterion": "participation", "rater": "gaelle", "value": 2}
      ],
      "outcomes": [
        {"id": "mise-a-l-abri", "domain": "basic_needs", "share": 0.5,
         "indicator": "Personnes à la rue orientées vers une mise à l'abri", "unit": "%", "direction": "higher_is_better",
         "baseline": 15, "threshold": 60, "actual": 34,
         "reach": 1500, "duration_years": 1,
         "deadweight": 0.3, "attribution": 0.4, "financial_proxy": 200},
        {"id": "contact-regulier", "domain": "social_link", "share": 0.3,
         "indicator": "Personnes rencontrées au moins une fois par mois", "unit": "%", "direction": "higher_is_better",
         "baseline": 20, "threshold": 70, "actual": 55,
         "reach": 1500, "duration_years": 1,
         "deadweight": 0.2, "attribution": 0.2},
        {"id": "signalements-sanitaires", "domain": "health", "share": 0.2,
         "indicator": "Signalements sanitaires suivis d'une prise en charge", "unit": "%", "direction": "higher_is_better",
         "baseline": 30, "threshold": 80, "actual": 52,
         "reach": 300, "duration_years": 1,
         "deadweight": 0.2, "attribution": 0.5}
      ]
    },
    {
      "id": "tiers-lieu-tulle",
      "name": "Tiers-lieu solidaire – Tulle",
      "programme": "Tiers-lieux",
      "territory": "Nouvelle-Aquitaine",
      "status": "funded",
      "amount": 260000,
      "evidence_level": 2,
      "risks": {"efficiency": 1, "alignment": 1, "endurance": 2},
      "ratings": [
        {"criterion": "what", "rater": "bruno", "value": 3},
        {"criterion": "who", "rater": "bruno", "value": 3},
        {"criterion": "participation", "rater": "bruno", "value": 4},
        {"criterion": "participation", "rater": "driss", "value": 3},
        {"criterion": "systemic", "rater": "driss", "value": 3, "comment": "La mairie y tient désormais ses réunions de concertation."}
      ],
      "outcomes": [
        {"id": "moins-seuls", "domain": "social_link", "share": 0.5,
         "indicator": "Habitants déclarant se sentir moins seuls", "unit": "part des usagers",
         "survey": {"very_much": 0.38, "slightly": 0.42},
         "reach": 850, "duration_years": 3, "drop_off": 0.3,
         "deadweight": 0.2, "attribution": 0.3},
        {"id": "benevoles-actifs", "domain": "engagement", "share": 0.3,
         "indicator": "Habitants devenus bénévoles actifs", "unit": "personnes", "direction": "higher_is_better",
         "baseline": 12, "threshold": 60, "target": 45, "actual": 41,
         "reach": 850, "duration_years": 2, "drop_off": 0.35,
         "deadweight": 0.15, "attribution": 0.25},
        {"id": "demarches-en-ligne", "domain": "autonomy", "share": 0.2,
         "indicator": "Usagers autonomes dans leurs démarches en ligne", "unit": "%", "direction": "higher_is_better",
         "baseline": 30, "threshold": 75, "actual": 52,
         "reach": 320, "duration_years": 2, "drop_off": 0.2,
         "deadweight": 0.3, "attribution": 0.3, "financial_proxy": 150}
      ]
    },
    {
      "id": "tiers-lieu-saint-denis-reunion",
      "name": "Tiers-lieu Kaz Ansanm – Saint-Denis de La Réunion",
      "programme": "Tiers-lieux",
      "territory": "La Réunion",
      "status": "committee",
      "amount": 210000,
      "risks": {"external": 2, "execution": 2},
      "ratings": [
        {"criterion": "what", "rater": "eva", "value": 3},
        {"criterion": "who", "rater": "eva", "value": 3},
        {"criterion": "who", "rater": "gaelle", "value": 3},
        {"criterion": "participation", "rater": "gaelle", "value": 3}
      ],
      "outcomes": [
        {"id": "rencontres-quartier", "domain": "social_link", "share": 0.6,
         "indicator": "Habitants ayant noué de nouvelles relations dans le quartier", "unit": "part des usagers",
         "survey": {"very_much": 0.3, "slightly": 0.45},
         "reach": 600, "duration_years": 2, "drop_off": 0.3,
         "deadweight": 0.25, "attribution": 0.3},
        {"id": "aide-aux-devoirs", "domain": "education", "share": 0.4,
         "indicator": "Jeunes de l'aide aux devoirs passant en classe supérieure", "unit": "%", "direction": "higher_is_better",
         "baseline": 70, "threshold": 95, "target": 90,
         "reach": 90, "duration_years": 1}
      ]
    },
    {
      "id": "chantier-maraichage-auch",
      "name": "Chantier d'insertion en maraîchage bio – Auch",
      "programme": "Insertion",
      "territory": "Occitanie",
      "status": "funded",
      "amount": 310000,
      "evidence_level": 4,
      "risks": {"external": 1, "stakeholder_participation": 0, "drop_off": 2, "efficiency": 1, "execution": 1, "alignment": 0, "endurance": 1, "unexpected_impact": 0},
      "ratings": [
        {"criterion": "what", "rater": "amel", "value": 3},
        {"criterion": "who", "rater": "amel", "value": 3},
        {"criterion": "who", "rater": "bruno", "value": 3},
        {"criterion": "participation", "rater": "chloe", "value": 3},
        {"criterion": "systemic", "rater": "chloe", "value": 2},
        {"criterion": "systemic", "rater": "driss", "value": 2}
      ],
      "outcomes": [
        {"id": "sorties-emploi", "domain": "employment", "share": 0.6,
         "indicator": "Sorties vers l'emploi ou une formation qualifiante", "unit": "%", "direction": "higher_is_better",
         "baseline": 15, "threshold": 60, "target": 50, "actual": 54,
         "reach": 48, "duration_years": 3, "drop_off": 0.2,
         "deadweight": 0.25, "attribution": 0.15, "financial_proxy": 3500},
        {"id": "surface-bio", "domain": "environment", "share": 0.2,
         "indicator": "Surface cultivée en agriculture biologique", "unit": "ha", "direction": "higher_is_better",
         "baseline": 0, "threshold": 5, "target": 4, "actual": 4.2,
         "duration_years": 5,
         "deadweight": 0.3, "attribution": 0.2},
        {"id": "sante-salaries", "domain": "health", "share": 0.2,
         "indicator": "Salariés déclarant une meilleure santé", "unit": "part des salariés",
         "survey": {"very_much": 0.4, "slightly": 0.35},
         "reach": 48}
      ]
    },
    {
      "id": "atelier-velo-nantes",
      "name": "Atelier vélo d'insertion – Nantes",
      "programme": "Insertion",
      "territory": "Pays de la Loire",
      "status": "funded",
      "amount": 190000,
      "evidence_level": 3,
      "risks": {"efficiency": 1, "execution": 1, "alignment": 1},
      "ratings": [
        {"criterion": "what", "rater": "bruno", "value": 3},
        {"criterion": "who", "rater": "bruno", "value": 2},
        {"criterion": "participation", "rater": "eva", "value": 3},
        {"criterion": "systemic", "rater": "eva", "value": 2}
      ],
      "outcomes": [
        {"id": "emploi-6-mois", "domain": "employment", "share": 0.7,
         "indicator": "Salariés en insertion en emploi six mois après leur sortie", "unit": "%", "direction": "higher_is_better",
         "baseline": 20, "threshold": 60, "target": 45, "actual": 38,
         "reach": 36, "duration_years": 2, "drop_off": 0.3,
         "deadweight": 0.3, "attribution": 0.2, "financial_proxy": 4000},
        {"id": "velos-remis-en-circulation", "domain": "environment", "share": 0.3,
         "indicator": "Vélos reconditionnés remis en circulation", "unit": "vélos/an", "direction": "higher_is_better",
         "baseline": 300, "threshold": 1500, "target": 1200, "actual": 1380,
         "reach": 1380, "duration_years": 3, "drop_off": 0.2,
         "deadweight": 0.4, "attribution": 0.3, "displacement": 0.2, "financial_proxy": 60}
      ]
    },
    {
      "id": "ressourcerie-limoges",
      "name": "Ressourcerie solidaire – Limoges",
      "programme": "Transition écologique",
      "territory": "Nouvelle-Aquitaine",
      "status": "funded",
      "amount": 150000,
      "evidence_level": 3,
      "risks": {"external": 1, "endurance": 1},
      "ratings": [
        {"criterion": "what", "rater": "gaelle", "value": 2},
        {"criterion": "who", "rater": "gaelle", "value": 2},
        {"criterion": "participation", "rater": "gaelle", "value": 3},
        {"criterion": "systemic", "rater": "amel", "value": 3, "comment": "Convention signée avec l'agglomération sur la collecte des encombrants."}
      ],
      "outcomes": [
        {"id": "dechets-enfouis", "domain": "environment", "share": 0.7,
         "indicator": "Objets et encombrants enfouis ou incinérés sur le bassin", "unit": "t/an", "direction": "lower_is_better",
         "baseline": 420, "threshold": 250, "target": 300, "actual": 330,
         "duration_years": 4, "drop_off": 0.1,
         "deadweight": 0.3, "attribution": 0.4, "displacement": 0.1,
         "nature": "mitigation"},
        {"id": "integration-quartier", "domain": "social_link", "share": 0.3,
         "indicator": "Bénévoles et clients se sentant intégrés au quartier", "unit": "part des répondants",
         "survey": {"very_much": 0.3, "slightly": 0.4},
         "reach": 400}
      ]
    },
    {
      "id": "bus-sante-nievre",
      "name": "Bus santé – Nièvre",
      "programme": "Santé",
      "territory": "Bourgogne-Franche-Comté",
      "status": "funded",
      "amount": 340000,
      "evidence_level": 2,
      "risks": {"external": 2, "stakeholder_participation": 1, "efficiency": 1, "execution": 2, "endurance": 2},
      "ratings": [
        {"criterion": "what", "rater": "amel", "value": 4},
        {"criterion": "who", "rater": "amel", "value": 3},
        {"criterion": "who", "rater": "driss", "value": 4},
        {"criterion": "who", "rater": "chloe", "value": 3},
        {"criterion": "participation", "rater": "driss", "value": 2},
        {"criterion": "systemic", "rater": "chloe", "value": 2}
      ],
      "outcomes": [
        {"id": "sans-medecin-traitant", "domain": "health", "share": 0.7,
         "indicator": "Patients sans médecin traitant", "unit": "%", "direction": "lower_is_better",
         "baseline": 55, "threshold": 20, "target": 35, "actual": 38,
         "reach": 1900, "duration_years": 2, "drop_off": 0.3,
         "deadweight": 0.35, "attribution": 0.3, "financial_proxy": 350},
        {"id": "complementaire-sante", "domain": "rights", "share": 0.3,
         "indicator": "Patients couverts par la complémentaire santé solidaire", "unit": "%", "direction": "higher_is_better",
         "baseline": 40, "threshold": 90, "actual": 63,
         "reach": 700, "duration_years": 2, "drop_off": 0.2,
         "deadweight": 0.3, "attribution": 0.4, "financial_proxy": 250}
      ]
    },
    {
      "id": "mediation-sante-montpellier",
      "name": "Médiation en santé – Montpellier",
      "programme": "Santé",
      "territory": "Occitanie",
      "status": "committee",
      "amount": 120000,
      "evidence_level": 3,
      "risks": {"stakeholder_participation": 1, "execution": 1},
      "ratings": [
        {"criterion": "what", "rater": "chloe", "value": 3},
        {"criterion": "who", "rater": "chloe", "value": 4},
        {"criterion": "who", "rater": "gaelle", "value": 4},
        {"criterion": "participation", "rater": "chloe", "value": 3},
        {"criterion": "participation", "rater": "gaelle", "value": 4},
        {"criterion": "systemic", "rater": "gaelle", "value": 2}
      ],
      "outcomes": [
        {"id": "bilan-de-sante", "domain": "health", "share": 0.6,
         "indicator": "Personnes ayant réalisé un bilan de santé complet", "unit": "%", "direction": "higher_is_better",
         "baseline": 10, "threshold": 60, "target": 45, "survey": {"very_much": 0.45, "slightly": 0.3},
         "reach": 450, "duration_years": 2, "drop_off": 0.2,
         "deadweight": 0.3, "attribution": 0.3},
        {"id": "delai-rendez-vous", "domain": "rights", "share": 0.4,
         "indicator": "Délai moyen d'obtention d'un rendez-vous de soins", "unit": "jours", "direction": "lower_is_better",
         "baseline": 90, "threshold": 30, "target": 45, "actual": 60,
         "reach": 450, "duration_years": 1,
         "deadweight": 0.3, "attribution": 0.3}
      ]
    },
    {
      "id": "permanence-droits-amiens",
      "name": "Permanences d'accès aux droits – Amiens",
      "programme": "Accès aux droits",
      "territory": "Hauts-de-France",
      "status": "funded",
      "amount": 95000,
      "evidence_level": 3,
      "risks": {"efficiency": 1, "endurance": 2},
      "ratings": [
        {"criterion": "what", "rater": "driss", "value": 4},
        {"criterion": "who", "rater": "driss", "value": 3},
        {"criterion": "participation", "rater": "bruno", "value": 2},
        {"criterion": "systemic", "rater": "bruno", "value": 3}
      ],
      "outcomes": [
        {"id": "dossiers-aboutis", "domain": "rights", "share": 1.0,
         "indicator": "Dossiers de droits sociaux aboutis", "unit": "%", "direction": "higher_is_better",
         "baseline": 35, "threshold": 80, "target": 70, "actual": 74,
         "reach": 1250, "duration_years": 2, "drop_off": 0.2,
         "deadweight": 0.25, "attribution": 0.2, "financial_proxy": 700}
      ]
    },
    {
      "id": "domiciliation-toulouse",
      "name": "Service de domiciliation – Toulouse",
      "programme": "Accès aux droits",
      "territory": "Occitanie",
      "status": "funded",
      "amount": 70000,
      "evidence_level": 2,
      "risks": {},
      "ratings": [
        {"criterion": "what", "rater": "eva", "value": 4},
        {"criterion": "who", "rater": "eva", "value": 4},
        {"criterion": "participation", "rater": "amel", "value": 1, "comment": "Pas encore de comité d'usagers ; prévu pour l'an prochain."}
      ],
      "outcomes": [
        {"id": "prestations-percues", "domain": "rights", "share": 0.7,
         "indicator": "Personnes domiciliées percevant leurs prestations", "unit": "%", "direction": "higher_is_better",
         "baseline": 20, "threshold": 85, "actual": 71,
         "reach": 2100, "duration_years": 1,
         "deadweight": 0.15, "attribution": 0.3, "financial_proxy": 500},
        {"id": "gestion-courrier", "domain": "autonomy", "share": 0.3,
         "indicator": "Personnes capables de traiter seules leur courrier administratif", "unit": "part des personnes",
         "survey": {"very_much": 0.25, "slightly": 0.45},
         "reach": 2100, "duration_years": 1,
         "deadweight": 0.2, "attribution": 0.3}
      ]
    },
    {
      "id": "premiers-secours-colleges-normandie",
      "name": "Premiers secours au collège – Normandie",
      "programme": "Secourisme",
      "territory": "Normandie",
      "status": "funded",
      "amount": 85000,
      "evidence_level": 4,
      "risks": {"execution": 1, "alignment": 0, "endurance": 1},
      "ratings": [
        {"criterion": "what", "rater": "bruno", "value": 3},
        {"criterion": "who", "rater": "bruno", "value": 1, "comment": "Public scolaire déjà bien couvert en zone urbaine."},
        {"criterion": "who", "rater": "chloe", "value": 2},
        {"criterion": "participation", "rater": "chloe", "value": 2},
        {"criterion": "systemic", "rater": "amel", "value": 3}
      ],
      "outcomes": [
        {"id": "collegiens-certifies", "domain": "resilience", "share": 0.6,
         "indicator": "Collégiens de 4e certifiés aux premiers secours", "unit": "%", "direction": "higher_is_better",
         "baseline": 5, "threshold": 80, "target": 70, "actual": 76,
         "reach": 6200, "duration_years": 5, "drop_off": 0.15,
         "deadweight": 0.1, "attribution": 0.2, "financial_proxy": 40},
        {"id": "gestes-retenus", "domain": "education", "share": 0.4,
         "indicator": "Élèves réalisant correctement les gestes d'urgence six mois après", "unit": "%", "direction": "higher_is_better",
         "baseline": 10, "threshold": 70, "actual": 58,
         "reach": 6200, "duration_years": 2, "drop_off": 0.4,
         "deadweight": 0.1, "attribution": 0.25}
      ]
    },
    {
      "id": "postes-secours-corse",
      "name": "Postes de secours saisonniers – Corse",
      "programme": "Secourisme",
      "territory": "Corse",
      "status": "funded",
      "amount": 110000,
      "evidence_level": 2,
      "risks": {"external": 1, "execution": 1, "endurance": 1},
      "ratings": [
        {"criterion": "what", "rater": "gaelle", "value": 3},
        {"criterion": "who", "rater": "gaelle", "value": 1},
        {"criterion": "participation", "rater": "gaelle", "value": 3}
      ],
      "outcomes": [
        {"id": "delai-prise-en-charge", "domain": "health", "share": 0.6,
         "indicator": "Délai moyen de prise en charge sur les postes de secours", "unit": "minutes", "direction": "lower_is_better",
         "baseline": 18, "threshold": 8, "target": 10, "actual": 9.5,
         "reach": 14000, "duration_years": 1,
         "deadweight": 0.4, "attribution": 0.3},
        {"id": "secouristes-benevoles", "domain": "engagement", "share": 0.4,
         "indicator": "Secouristes bénévoles actifs sur la saison", "unit": "bénévoles", "direction": "higher_is_better",
         "baseline": 40, "threshold": 120, "target": 100, "actual": 104,
         "reach": 104, "duration_years": 3, "drop_off": 0.3,
         "deadweight": 0.2, "attribution": 0.1, "financial_proxy": 300}
      ]
    },
    {
      "id": "halte-garderie-mulhouse",
      "name": "Halte-garderie à vocation d'insertion – Mulhouse",
      "programme": "Enfance et familles",
      "territory": "Grand Est",
      "status": "funded",
      "amount": 230000,
      "evidence_level": 3,
      "risks": {"stakeholder_participation": 1, "efficiency": 1, "execution": 0, "endurance": 1},
      "ratings": [
        {"criterion": "what", "rater": "driss", "value": 3},
        {"criterion": "who", "rater": "driss", "value": 3},
        {"criterion": "who", "rater": "eva", "value": 3},
        {"criterion": "participation", "rater": "eva", "value": 2},
        {"criterion": "systemic", "rater": "eva", "value": 2}
      ],
      "outcomes": [
        {"id": "parents-en-emploi", "domain": "employment", "share": 0.5,
         "indicator": "Parents isolés en emploi ou en formation", "unit": "%", "direction": "higher_is_better",
         "baseline": 10, "threshold": 50, "target": 40, "actual": 37,
         "reach": 70, "duration_years": 2, "drop_off": 0.25,
         "deadweight": 0.3, "attribution": 0.3, "financial_proxy": 3000},
        {"id": "langage-oral", "domain": "education", "share": 0.5,
         "indicator": "Enfants entrant à l'école avec un langage oral adapté", "unit": "%", "direction": "higher_is_better",
         "baseline": 50, "threshold": 90, "target": 80, "actual": 81,
         "reach": 85, "duration_years": 5, "drop_off": 0.1,
         "deadweight": 0.3, "attribution": 0.35}
      ]
    },
    {
      "id": "soutien-parentalite-dijon",
      "name": "Soutien à la parentalité – Dijon",
      "programme": "Enfance et familles",
      "territory": "Bourgogne-Franche-Comté",
      "status": "committee",
      "amount": 60000,
      "evidence_level": 1,
      "risks": {"stakeholder_participation": 1, "drop_off": 2},
      "ratings": [
        {"criterion": "what", "rater": "amel", "value": 3},
        {"criterion": "who", "rater": "amel", "value": 2},
        {"criterion": "who", "rater": "bruno", "value": 2},
        {"criterion": "participation", "rater": "amel", "value": 3}
      ],
      "outcomes": [
        {"id": "confiance-parentale", "domain": "autonomy", "share": 0.6,
         "indicator": "Parents se sentant plus confiants dans leur rôle", "unit": "part des parents",
         "survey": {"very_much": 0.5, "slightly": 0.3},
         "reach": 140, "duration_years": 2, "drop_off": 0.3,
         "deadweight": 0.3, "attribution": 0.3, "financial_proxy": 200},
        {"id": "reseau-entraide", "domain": "social_link", "share": 0.4,
         "indicator": "Parents ayant élargi leur réseau d'entraide", "unit": "part des parents",
         "survey": {"very_much": 0.3, "slightly": 0.4},
         "reach": 140}
      ]
    },
    {
      "id": "service-civique-orleans",
      "name": "Service civique solidaire – Orléans",
      "programme": "Engagement",
      "territory": "Centre-Val de Loire",
      "status": "funded",
      "amount": 160000,
      "evidence_level": 3,
      "risks": {"drop_off": 1, "alignment": 1, "endurance": 1},
      "ratings": [
        {"criterion": "what", "rater": "chloe", "value": 2},
        {"criterion": "who", "rater": "chloe", "value": 2},
        {"criterion": "participation", "rater": "chloe", "value": 4},
        {"criterion": "participation", "rater": "driss", "value": 3},
        {"criterion": "systemic", "rater": "driss", "value": 2}
      ],
      "outcomes": [
        {"id": "engagement-durable", "domain": "engagement", "share": 0.6,
         "indicator": "Volontaires toujours bénévoles un an après leur mission", "unit": "%", "direction": "higher_is_better",
         "baseline": 20, "threshold": 60, "target": 50, "actual": 47,
         "reach": 60, "duration_years": 3, "drop_off": 0.3,
         "deadweight": 0.35, "attribution": 0.2, "financial_proxy": 500},
        {"id": "emploi-formation", "domain": "employment", "share": 0.4,
         "indicator": "Volontaires en emploi ou en formation six mois après", "unit": "%", "direction": "higher_is_better",
         "baseline": 40, "threshold": 75, "actual": 66,
         "reach": 60, "duration_years": 2, "drop_off": 0.3,
         "deadweight": 0.4, "attribution": 0.3, "financial_proxy": 2000}
      ]
    },
    {
      "id": "conseils-personnes-accompagnees",
      "name": "Conseils régionaux des personnes accompagnées – Île-de-France",
      "programme": "Engagement",
      "territory": "Île-de-France",
      "status": "pipeline",
      "amount": 20000,
      "risks": {},
      "ratings": [
        {"criterion": "what", "rater": "bruno", "value": 2},
        {"criterion": "participation", "rater": "bruno", "value": 4}
      ],
      "outcomes": [
        {"id": "avis-pris-en-compte", "domain": "engagement", "share": 1.0,
         "indicator": "Membres estimant que leur avis change les décisions", "unit": "part des membres",
         "survey": {"very_much": 0.2, "slightly": 0.5},
         "reach": 90}
      ]
    },
    {
      "id": "accompagnement-scolaire-clermont",
      "name": "Accompagnement scolaire en hôtel social – Clermont-Ferrand",
      "programme": "Éducation",
      "territory": "Auvergne-Rhône-Alpes",
      "status": "funded",
      "amount": 120000,
      "evidence_level": 2,
      "risks": {"external": 1, "drop_off": 2, "endurance": 2},
      "ratings": [
        {"criterion": "what", "rater": "eva", "value": 4},
        {"criterion": "who", "rater": "eva", "value": 4},
        {"criterion": "participation", "rater": "eva", "value": 2},
        {"criterion": "systemic", "rater": "gaelle", "value": 1}
      ],
      "outcomes": [
        {"id": "scolarite-sans-rupture", "domain": "education", "share": 0.7,
         "indicator": "Enfants hébergés scolarisés sans rupture sur l'année", "unit": "%", "direction": "higher_is_better",
         "baseline": 55, "threshold": 95, "target": 85, "actual": 83,
         "reach": 210, "duration_years": 1,
         "deadweight": 0.2, "attribution": 0.3, "financial_proxy": 800},
        {"id": "isolement-familles", "domain": "social_link", "share": 0.3,
         "indicator": "Familles déclarant se sentir moins isolées", "unit": "part des familles",
         "survey": {"very_much": 0.45, "slightly": 0.35},
         "reach": 130}
      ]
    },
    {
      "id": "ateliers-sociolinguistiques-strasbourg",
      "name": "Ateliers sociolinguistiques – Strasbourg",
      "programme": "Éducation",
      "territory": "Grand Est",
      "status": "funded",
      "amount": 90000,
      "evidence_level": 3,
      "risks": {},
      "ratings": [
        {"criterion": "what", "rater": "driss", "value": 3},
        {"criterion": "who", "rater": "driss", "value": 3},
        {"criterion": "participation", "rater": "gaelle", "value": 3},
        {"criterion": "systemic", "rater": "gaelle", "value": 1}
      ],
      "outcomes": [
        {"id": "demarches-autonomes", "domain": "autonomy", "share": 0.5,
         "indicator": "Apprenants réalisant seuls leurs démarches courantes", "unit": "%", "direction": "higher_is_better",
         "baseline": 15, "threshold": 70, "actual": 46,
         "reach": 160, "duration_years": 3, "drop_off": 0.2,
         "deadweight": 0.2, "attribution": 0.3, "financial_proxy": 350},
        {"id": "niveau-a2", "domain": "education", "share": 0.5,
         "indicator": "Apprenants validant le niveau A2 de français", "unit": "%", "direction": "higher_is_better",
         "baseline": 0, "threshold": 60, "target": 50, "actual": 44,
         "reach": 160, "duration_years": 4, "drop_off": 0.05,
         "deadweight": 0.25, "attribution": 0.3}
      ]
    },
    {
      "id": "preparation-crues-roya",
      "name": "Préparation des habitants aux crues – Vallée de la Roya",
      "programme": "Résilience",
      "territory": "Provence-Alpes-Côte d'Azur",
      "status": "committee",
      "amount": 130000,
      "evidence_level": 2,
      "risks": {"external": 3, "stakeholder_participation": 2, "execution": 1, "unexpected_impact": 1},
      "ratings": [
        {"criterion": "what", "rater": "bruno", "value": 3},
        {"criterion": "who", "rater": "bruno", "value": 2},
        {"criterion": "participation", "rater": "bruno", "value": 3},
        {"criterion": "systemic", "rater": "chloe", "value": 3}
      ],
      "outcomes": [
        {"id": "plan-familial", "domain": "resilience", "share": 0.7,
         "indicator": "Foyers disposant d'un plan familial de mise en sûreté", "unit": "%", "direction": "higher_is_better",
         "baseline": 8, "threshold": 60, "target": 45, "actual": 21,
         "reach": 2400, "duration_years": 4, "drop_off": 0.15,
         "deadweight": 0.2, "attribution": 0.35},
        {"id": "relais-quartier", "domain": "engagement", "share": 0.3,
         "indicator": "Habitants formés comme relais de quartier", "unit": "personnes", "direction": "higher_is_better",
         "baseline": 0, "threshold": 80, "target": 60, "actual": 26,
         "reach": 26, "duration_years": 3, "drop_off": 0.2,
         "deadweight": 0.1, "attribution": 0.2}
      ]
    },
    {
      "id": "reserve-urgence-guadeloupe",
      "name": "Réserve logistique d'urgence – Guadeloupe",
      "programme": "Résilience",
      "territory": "Guadeloupe",
      "status": "funded",
      "amount": 480000,
      "evidence_level": 3,
      "risks": {"external": 3, "efficiency": 1, "alignment": 0, "endurance": 1},
      "ratings": [
        {"criterion": "what", "rater": "amel", "value": 4},
        {"criterion": "who", "rater": "amel", "value": 3},
        {"criterion": "who", "rater": "gaelle", "value": 3},
        {"criterion": "participation", "rater": "gaelle", "value": 1},
        {"criterion": "systemic", "rater": "amel", "value": 2}
      ],
      "outcomes": [
        {"id": "delai-kits", "domain": "resilience", "share": 0.8,
         "indicator": "Délai de distribution des kits d'urgence après une alerte cyclonique", "unit": "heures", "direction": "lower_is_better",
         "baseline": 72, "threshold": 24, "target": 36, "actual": 30,
         "reach": 12000, "duration_years": 5, "drop_off": 0.1,
         "deadweight": 0.2, "attribution": 0.4, "financial_proxy": 25},
        {"id": "eau-hygiene", "domain": "basic_needs", "share": 0.2,
         "indicator": "Foyers sinistrés ayant reçu eau et kits d'hygiène sous 72 h", "unit": "%", "direction": "higher_is_better",
         "baseline": 45, "threshold": 95, "actual": 88,
         "reach": 3000, "duration_years": 1,
         "deadweight": 0.1, "attribution": 0.5}
      ]
    },
    {
      "id": "plan-hivernal-strasbourg-2022",
      "name": "Plan hivernal 2022-2023 – Strasbourg",
      "programme": "Hébergement",
      "territory": "Grand Est",
      "status": "closed",
      "amount": 240000,
      "evidence_level": 2,
      "risks": {"external": 2, "execution": 1},
      "ratings": [
        {"criterion": "what", "rater": "driss", "value": 4},
        {"criterion": "who", "rater": "driss", "value": 4},
        {"criterion": "participation", "rater": "driss", "value": 1},
        {"criterion": "systemic", "rater": "driss", "value": 1}
      ],
      "outcomes": [
        {"id": "demandes-satisfaites", "domain": "basic_needs", "share": 1.0,
         "indicator": "Demandes de mise à l'abri satisfaites les nuits de grand froid", "unit": "%", "direction": "higher_is_better",
         "baseline": 55, "threshold": 95, "target": 90, "actual": 87,
         "reach": 1100, "duration_years": 1,
         "deadweight": 0.1, "attribution": 0.3, "financial_proxy": 1500}
      ]
    },
    {
      "id": "appli-orientation-idf",
      "name": "Application mobile d'orientation sociale – Île-de-France",
      "programme": "Accès aux droits",
      "territory": "Île-de-France",
      "status": "rejected",
      "amount": 280000,
      "evidence_level": 1,
      "risks": {"stakeholder_participation": 3, "efficiency": 2, "alignment": 3, "unexpected_impact": 2},
      "ratings": [
        {"criterion": "what", "rater": "bruno", "value": 1},
        {"criterion": "who", "rater": "bruno", "value": 1, "comment": "Le public visé est déjà à l'aise avec le numérique."},
        {"criterion": "who", "rater": "chloe", "value": 0},
        {"criterion": "participation", "rater": "chloe", "value": 0},
        {"criterion": "systemic", "rater": "eva", "value": 1}
      ],
      "outcomes": [
        {"id": "service-adapte", "domain": "rights", "share": 1.0,
         "indicator": "Utilisateurs ayant trouvé un service adapté", "unit": "part des utilisateurs",
         "survey": {"very_much": 0.1, "slightly": 0.3},
         "reach": 25000, "duration_years": 1,
         "deadweight": 0.6, "attribution": 0.5}
      ]
    },
    {
      "id": "epicerie-itinerante-cantal",
      "name": "Épicerie solidaire itinérante – Cantal",
      "programme": "Aide alimentaire",
      "territory": "Auvergne-Rhône-Alpes",
      "status": "pipeline",
      "amount": 90000,
      "risks": {"external": 1, "execution": 2},
      "ratings": [
        {"criterion": "what", "rater": "gaelle", "value": 3}
      ],
      "outcomes": [
        {"id": "acces-alimentation", "domain": "basic_needs", "share": 0.7,
         "indicator": "Ménages isolés ayant accès à une offre alimentaire à moins de 15 min", "unit": "%", "direction": "higher_is_better",
         "baseline": 30, "threshold": 80, "target": 60,
         "reach": 350},
        {"id": "tournees-lien", "domain": "social_link", "share": 0.3,
         "indicator": "Tournées devenues un moment de rencontre entre voisins", "unit": "part des clients"}
      ]
    },
    {
      "id": "soutien-psychologique-calais",
      "name": "Soutien psychologique aux personnes exilées – Calais",
      "programme": "Santé",
      "territory": "Hauts-de-France",
      "status": "funded",
      "amount": 200000,
      "evidence_level": 2,
      "risks": {"external": 3, "stakeholder_participation": 1, "drop_off": 3, "execution": 2, "endurance": 2},
      "ratings": [
        {"criterion": "what", "rater": "eva", "value": 4},
        {"criterion": "who", "rater": "eva", "value": 4},
        {"criterion": "who", "rater": "chloe", "value": 4},
        {"criterion": "participation", "rater": "chloe", "value": 2},
        {"criterion": "systemic", "rater": "chloe", "value": 2}
      ],
      "outcomes": [
        {"id": "detresse-psychologique", "domain": "health", "share": 0.7,
         "indicator": "Score moyen de détresse psychologique (échelle K10)", "unit": "points", "direction": "lower_is_better",
         "baseline": 32, "threshold": 20, "target": 24, "actual": 26,
         "reach": 380, "duration_years": 1,
         "deadweight": 0.2, "attribution": 0.4, "financial_proxy": 1200},
        {"id": "demande-asile", "domain": "rights", "share": 0.3,
         "indicator": "Personnes accompagnées jusqu'au dépôt de leur demande d'asile", "unit": "%", "direction": "higher_is_better",
         "baseline": 25, "threshold": 80, "actual": 60,
         "reach": 380, "duration_years": 1,
         "deadweight": 0.2, "attribution": 0.3}
      ],
      "extra": {"sharepoint_id": "SP-2024-0417", "tags": ["exil", "santé mentale", "littoral"]}
    },
    {
      "id": "jardins-partages-le-havre",
      "name": "Jardins partagés et cuisine durable – Le Havre",
      "programme": "Transition écologique",
      "territory": "Normandie",
      "status": "funded",
      "amount": 40000,
      "evidence_level": 1,
      "risks": {"endurance": 1},
      "ratings": [
        {"criterion": "what", "rater": "amel", "value": 2},
        {"criterion": "who", "rater": "amel", "value": 2},
        {"criterion": "participation", "rater": "amel", "value": 4},
        {"criterion": "systemic", "rater": "bruno", "value": 1}
      ],
      "outcomes": [
        {"id": "biodechets-composts", "domain": "environment", "share": 0.5,
         "indicator": "Biodéchets compostés sur place", "unit": "t/an", "direction": "higher_is_better",
         "baseline": 0, "threshold": 20, "target": 20, "actual": 22,
         "duration_years": 3},
        {"id": "voisins-relies", "domain": "social_link", "share": 0.5,
         "indicator": "Jardiniers déclarant connaître davantage leurs voisins", "unit": "part des jardiniers",
         "survey": {"very_much": 0.4, "slightly": 0.4},
         "reach": 150, "duration_years": 2, "drop_off": 0.3}
      ]
    },
    {
      "id": "precarite-energetique-besancon",
      "name": "Visites énergie à domicile – Besançon",
      "programme": "Transition écologique",
      "territory": "Bourgogne-Franche-Comté",
      "status": "committee",
      "amount": 120000,
      "evidence_level": 3,
      "risks": {"external": 1, "efficiency": 1, "execution": 1},
      "ratings": [
        {"criterion": "what", "rater": "bruno", "value": 3},
        {"criterion": "who", "rater": "gaelle", "value": 3},
        {"criterion": "participation", "rater": "gaelle", "value": 2},
        {"criterion": "systemic", "rater": "gaelle", "value": 2}
      ],
      "outcomes": [
        {"id": "impayes-energie", "domain": "basic_needs", "share": 0.6,
         "indicator": "Ménages en impayé d'énergie", "unit": "%", "direction": "lower_is_better",
         "baseline": 35, "threshold": 10, "target": 15, "actual": 18,
         "reach": 420, "duration_years": 3, "drop_off": 0.2,
         "deadweight": 0.3, "attribution": 0.3, "financial_proxy": 250},
        {"id": "consommation-energie", "domain": "environment", "share": 0.4,
         "indicator": "Consommation d'énergie par logement accompagné", "unit": "MWh/an", "direction": "lower_is_better",
         "baseline": 14, "threshold": 10, "target": 11, "actual": 12.5,
         "reach": 420, "duration_years": 5, "drop_off": 0.05,
         "deadweight": 0.3, "attribution": 0.3, "displacement": 0}
      ]
    }
  ]
}
"""#

  /// The demo document, read with the same reader as any import.
  /// - Throws: ``FormatError`` if the embedded text were ever broken; the tests read it.
  public static func document() throws -> PortfolioDocument {
    try PortfolioJSON.decode(Data(json.utf8), source: "demo portfolio")
  }
}
