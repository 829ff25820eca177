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

mod eval;
mod lexer;
mod parser;

pub use eval::EvalError;
pub use parser::{parse, Expr, ParseError};
