//! The entity types fieldguard recognizes. The SCREAMING_SNAKE names are
//! stable: they appear in findings, policies, replacement tags
//! (`<EMAIL_ADDRESS>`) and evaluation reports, and match the names other
//! tools (Microsoft Presidio) use for the same types.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A kind of personal data or secret.
///
/// ```
/// use fieldguard::pii::EntityType;
/// assert_eq!(EntityType::CreditCard.name(), "CREDIT_CARD");
/// assert_eq!(EntityType::from_name("IBAN_CODE"), Some(EntityType::IbanCode));
/// assert_eq!(serde_json::to_string(&EntityType::UsSsn).unwrap(), "\"US_SSN\"");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum EntityType {
    /// An email address.
    EmailAddress,
    /// A phone number (international `+…` and common national formats).
    PhoneNumber,
    /// A payment card number that passes the Luhn check.
    CreditCard,
    /// An IBAN with the right length for its country and a valid mod-97 check.
    IbanCode,
    /// A US Social Security number outside the never-issued ranges.
    UsSsn,
    /// An IPv4 or IPv6 address.
    IpAddress,
    /// A URL.
    Url,
    /// A MAC (EUI-48) address.
    MacAddress,
    /// A cryptocurrency address: Bitcoin (Base58Check, bech32) or Ethereum.
    Crypto,
    /// A date near birth context words ("born", "DOB", "geboren", …).
    DateOfBirth,
    /// A UK NHS number (mod 11).
    UkNhs,
    /// Spain: DNI/NIF or NIE (check letter).
    EsNif,
    /// Italy: codice fiscale (check character).
    ItFiscalCode,
    /// Poland: PESEL (weighted checksum).
    PlPesel,
    /// Germany: Steuer-Identifikationsnummer (ISO 7064 mod 11,10).
    DeTaxId,
    /// France: NIR / numéro de sécurité sociale (97 − n mod 97 key).
    FrNir,
    /// Netherlands: BSN (11-test).
    NlBsn,
    /// A JSON Web Token.
    Jwt,
    /// An AWS access key ID (`AKIA…`, `ASIA…`).
    AwsAccessKey,
    /// A PEM private key block.
    PrivateKey,
    /// A secret in an assignment such as `password=…` or `api_key: …`.
    SecretAssignment,
    /// A person's name. Recognized in free text only with the cargo feature
    /// `names` (gazetteer + evidence); policies can name it either way.
    PersonName,
    /// A place: a city, country or region (feature `names`).
    Location,
    /// A street address: street, house number, optionally postcode and city (feature `names`).
    StreetAddress,
}

impl EntityType {
    /// Every type, in declaration order.
    pub const ALL: [EntityType; 24] = [
        Self::EmailAddress,
        Self::PhoneNumber,
        Self::CreditCard,
        Self::IbanCode,
        Self::UsSsn,
        Self::IpAddress,
        Self::Url,
        Self::MacAddress,
        Self::Crypto,
        Self::DateOfBirth,
        Self::UkNhs,
        Self::EsNif,
        Self::ItFiscalCode,
        Self::PlPesel,
        Self::DeTaxId,
        Self::FrNir,
        Self::NlBsn,
        Self::Jwt,
        Self::AwsAccessKey,
        Self::PrivateKey,
        Self::SecretAssignment,
        Self::PersonName,
        Self::Location,
        Self::StreetAddress,
    ];

    /// Recognized in free text only with the cargo feature `names`.
    pub const fn needs_names_feature(self) -> bool {
        matches!(
            self,
            Self::PersonName | Self::Location | Self::StreetAddress
        )
    }

    /// The stable name, e.g. `"EMAIL_ADDRESS"`.
    pub const fn name(self) -> &'static str {
        match self {
            Self::EmailAddress => "EMAIL_ADDRESS",
            Self::PhoneNumber => "PHONE_NUMBER",
            Self::CreditCard => "CREDIT_CARD",
            Self::IbanCode => "IBAN_CODE",
            Self::UsSsn => "US_SSN",
            Self::IpAddress => "IP_ADDRESS",
            Self::Url => "URL",
            Self::MacAddress => "MAC_ADDRESS",
            Self::Crypto => "CRYPTO",
            Self::DateOfBirth => "DATE_OF_BIRTH",
            Self::UkNhs => "UK_NHS",
            Self::EsNif => "ES_NIF",
            Self::ItFiscalCode => "IT_FISCAL_CODE",
            Self::PlPesel => "PL_PESEL",
            Self::DeTaxId => "DE_TAX_ID",
            Self::FrNir => "FR_NIR",
            Self::NlBsn => "NL_BSN",
            Self::Jwt => "JWT",
            Self::AwsAccessKey => "AWS_ACCESS_KEY",
            Self::PrivateKey => "PRIVATE_KEY",
            Self::SecretAssignment => "SECRET_ASSIGNMENT",
            Self::PersonName => "PERSON_NAME",
            Self::Location => "LOCATION",
            Self::StreetAddress => "STREET_ADDRESS",
        }
    }

    /// The type with this stable name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.name() == name)
    }

    /// Secrets must never reach logs; a policy's default may treat them
    /// more strictly than personal data.
    pub const fn is_secret(self) -> bool {
        matches!(
            self,
            Self::Jwt | Self::AwsAccessKey | Self::PrivateKey | Self::SecretAssignment
        )
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::EntityType;

    #[test]
    fn names_round_trip_through_serde() {
        for t in EntityType::ALL {
            let json = serde_json::to_string(&t).unwrap();
            assert_eq!(json, format!("\"{}\"", t.name()));
            assert_eq!(serde_json::from_str::<EntityType>(&json).unwrap(), t);
            assert_eq!(EntityType::from_name(t.name()), Some(t));
        }
    }
}
