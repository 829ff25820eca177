//! The formula language: a small exact expression language over marks,
//! element data, criteria and categories.
//!
//! `lexer` turns text into tokens, `parser` builds an `Expr` with every name
//! resolved to a variable slot (unknown names fail at load time with a
//! "did you mean"), and `eval` computes it in exact decimals.
//!
//! ```text
//! expr    := or
//! or      := and ("or" and)*
//! and     := not ("and" not)*
//! not     := "not" not | compare
//! compare := sum (("<" | "<=" | ">" | ">=" | "==" | "!=") sum)?
//! sum     := product (("+" | "-") product)*
//! product := unary (("*" | "/") unary)*
//! unary   := "-" unary | atom
//! atom    := number | name | name "(" expr ("," expr)* ")" | "(" expr ")"
//! ```
//! Truth is 1, falsehood 0; `if(c, a, b)` picks `a` when `c` is not 0.
//! A formula has at most `MAX_TOKENS` tokens, and brackets, calls, `-` and
//! `not` nest at most `MAX_NESTING` deep: the parser refuses more, at its
//! place, so that evaluating what it accepts never runs out of stack.
//!
//! ```
//! use podium::formula::parse;
//! use rust_decimal::Decimal;
//!
//! // An element's value: its panel score times its difficulty coefficient.
//! let names = ["score", "difficulty"];
//! let expr = parse("score * difficulty", &mut |name| {
//!     names.iter().position(|n| *n == name).ok_or(format!("unknown name `{name}`"))
//! })
//! .unwrap();
//! let values = [Decimal::new(85, 1), Decimal::new(12, 1)]; // 8.5 and 1.2
//! assert_eq!(expr.eval(&|slot| values.get(slot).copied()).unwrap(), Decimal::new(102, 1));
//!
//! // Unknown names are caught when the contest is loaded, with their position.
//! let error = parse("score * dificulty", &mut |name| names.iter().position(|n| *n == name).ok_or(format!("unknown name `{name}`"))).unwrap_err();
//! assert_eq!((error.offset, error.message.in_lang(podium::contest::Lang::En)), (8, "unknown name `dificulty`".to_string()));
//! ```

mod eval;
mod lexer;
mod parser;

pub use eval::EvalError;
pub use parser::{parse, Expr, ParseError, MAX_NESTING, MAX_TOKENS};
