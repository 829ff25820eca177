//! Recursive-descent parser; names are resolved while parsing so an unknown
//! name is reported at its own position.

use super::lexer::{tokenize, Token};
use crate::i18n::{spoken, Text};
use crate::{msg, say};
use rust_decimal::Decimal;

#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Number(Decimal),
    /// A variable slot given by the resolver.
    Var(usize),
    Neg(Box<Expr>),
    Not(Box<Expr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    Call(Func, Vec<Expr>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
    And,
    Or,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Func {
    Min,
    Max,
    Clamp,
    Round,
    Abs,
    If,
}

const FUNCTIONS: [(&str, Func); 6] = [
    ("min", Func::Min),
    ("max", Func::Max),
    ("clamp", Func::Clamp),
    ("round", Func::Round),
    ("abs", Func::Abs),
    ("if", Func::If),
];

/// Brackets, function calls, `-` and `not` nest at most this deep.
pub const MAX_NESTING: usize = 32;

/// A formula has at most this many tokens (numbers, names, operators,
/// brackets, commas). An expression tree is never deeper than its token
/// count, so evaluation recurses at most this deep: well within the 2 MiB
/// stack of a worker thread (see `eval`'s test of the deepest formula).
pub const MAX_TOKENS: usize = 1000;

/// A parse error at a byte offset of the formula text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub offset: usize,
    pub message: Text,
}

/// Parses `text`; `resolve` maps each name to a variable slot or explains
/// why it is not allowed here.
pub fn parse(text: &str, resolve: &mut dyn FnMut(&str) -> Result<usize, String>) -> Result<Expr, ParseError> {
    let tokens = tokenize(text).map_err(|(offset, message)| ParseError { offset, message })?;
    let mut parser = Parser {
        tokens,
        position: 0,
        end: text.len(),
        depth: 0,
        resolve,
    };
    let expr = parser.or()?;
    if let Some((offset, token)) = parser.tokens.get(parser.position) {
        return Err(ParseError {
            offset: *offset,
            message: msg!("formula-unexpected", what = describe(token)),
        });
    }
    Ok(expr)
}

struct Parser<'r> {
    tokens: Vec<(usize, Token)>,
    position: usize,
    end: usize,
    /// How deeply the current token is nested (see `MAX_NESTING`).
    depth: usize,
    resolve: &'r mut dyn FnMut(&str) -> Result<usize, String>,
}

fn describe(token: &Token) -> String {
    match token {
        Token::Number(n) => say!(spoken(), "formula-token-number", number = n),
        Token::Name(name) => say!(spoken(), "formula-token-name", name = name),
        Token::Op(op) => format!("`{op}`"),
        Token::LParen => "`(`".into(),
        Token::RParen => "`)`".into(),
        Token::Comma => "`,`".into(),
    }
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.position).map(|(_, t)| t)
    }

    fn offset(&self) -> usize {
        self.tokens.get(self.position).map_or(self.end, |(o, _)| *o)
    }

    fn error<T>(&self, message: impl Into<Text>) -> Result<T, ParseError> {
        Err(ParseError {
            offset: self.offset(),
            message: message.into(),
        })
    }

    /// Parses one nesting level deeper with `inner` (just after its opener
    /// is read), refusing to go beyond
    /// `MAX_NESTING`, so that parsing (and evaluating) needs little stack.
    fn nested<T>(&mut self, inner: impl FnOnce(&mut Self) -> Result<T, ParseError>) -> Result<T, ParseError> {
        if self.depth == MAX_NESTING {
            // At the opener just read: the bracket, call, `-` or `not` too many.
            return Err(ParseError {
                offset: self.tokens[self.position - 1].0,
                message: msg!("formula-too-deep", depth = MAX_NESTING),
            });
        }
        self.depth += 1;
        let result = inner(self);
        self.depth -= 1;
        result
    }

    fn eat_op(&mut self, ops: &[&'static str]) -> Option<&'static str> {
        match self.peek() {
            Some(Token::Op(op)) if ops.contains(op) => {
                let op = *op;
                self.position += 1;
                Some(op)
            }
            _ => None,
        }
    }

    fn eat_word(&mut self, word: &str) -> bool {
        if matches!(self.peek(), Some(Token::Name(name)) if name == word) {
            self.position += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, expected: Token, what: &str) -> Result<(), ParseError> {
        if self.peek() == Some(&expected) {
            self.position += 1;
            Ok(())
        } else {
            let found = self.peek().map_or_else(|| say!(spoken(), "formula-the-end"), describe);
            self.error(msg!("formula-expected", what = what, found = found))
        }
    }

    fn or(&mut self) -> Result<Expr, ParseError> {
        let mut left = self.and()?;
        while self.eat_word("or") {
            left = Expr::Binary(BinOp::Or, Box::new(left), Box::new(self.and()?));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Expr, ParseError> {
        let mut left = self.not()?;
        while self.eat_word("and") {
            left = Expr::Binary(BinOp::And, Box::new(left), Box::new(self.not()?));
        }
        Ok(left)
    }

    fn not(&mut self) -> Result<Expr, ParseError> {
        if self.eat_word("not") {
            return Ok(Expr::Not(Box::new(self.nested(Self::not)?)));
        }
        self.compare()
    }

    fn compare(&mut self) -> Result<Expr, ParseError> {
        let left = self.sum()?;
        let op = match self.eat_op(&["<", "<=", ">", ">=", "==", "!="]) {
            Some("<") => BinOp::Lt,
            Some("<=") => BinOp::Le,
            Some(">") => BinOp::Gt,
            Some(">=") => BinOp::Ge,
            Some("==") => BinOp::Eq,
            Some(_) => BinOp::Ne,
            None => return Ok(left),
        };
        Ok(Expr::Binary(op, Box::new(left), Box::new(self.sum()?)))
    }

    fn sum(&mut self) -> Result<Expr, ParseError> {
        let mut left = self.product()?;
        while let Some(op) = self.eat_op(&["+", "-"]) {
            let op = if op == "+" { BinOp::Add } else { BinOp::Sub };
            left = Expr::Binary(op, Box::new(left), Box::new(self.product()?));
        }
        Ok(left)
    }

    fn product(&mut self) -> Result<Expr, ParseError> {
        let mut left = self.unary()?;
        while let Some(op) = self.eat_op(&["*", "/"]) {
            let op = if op == "*" { BinOp::Mul } else { BinOp::Div };
            left = Expr::Binary(op, Box::new(left), Box::new(self.unary()?));
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Expr, ParseError> {
        if self.eat_op(&["-"]).is_some() {
            return Ok(Expr::Neg(Box::new(self.nested(Self::unary)?)));
        }
        self.atom()
    }

    fn atom(&mut self) -> Result<Expr, ParseError> {
        let offset = self.offset();
        if self.position >= MAX_TOKENS {
            return self.error(msg!("formula-too-long", tokens = MAX_TOKENS));
        }
        match self.peek().cloned() {
            Some(Token::Number(n)) => {
                self.position += 1;
                Ok(Expr::Number(n))
            }
            Some(Token::LParen) => {
                self.position += 1;
                self.nested(|parser| {
                    let inner = parser.or()?;
                    parser.expect(Token::RParen, "`)`")?;
                    Ok(inner)
                })
            }
            Some(Token::Name(name)) => {
                self.position += 1;
                if self.peek() == Some(&Token::LParen) {
                    self.call(&name, offset)
                } else {
                    (self.resolve)(&name).map(Expr::Var).map_err(|message| ParseError {
                        offset,
                        message: message.into(),
                    })
                }
            }
            Some(token) => self.error(msg!("formula-expected-atom", found = describe(&token))),
            None => self.error(msg!("formula-ends-early")),
        }
    }

    /// `expr ("," expr)* ")"`, after a function's `(`.
    fn arguments(&mut self) -> Result<Vec<Expr>, ParseError> {
        let mut args = vec![self.or()?];
        while self.peek() == Some(&Token::Comma) {
            self.position += 1;
            args.push(self.or()?);
        }
        self.expect(Token::RParen, &say!(spoken(), "formula-comma-or-bracket"))?;
        Ok(args)
    }

    fn call(&mut self, name: &str, offset: usize) -> Result<Expr, ParseError> {
        let Some(&(_, func)) = FUNCTIONS.iter().find(|(n, _)| *n == name) else {
            let names = FUNCTIONS.iter().map(|(n, _)| *n);
            return Err(ParseError {
                offset,
                message: msg!(
                    "formula-unknown-function",
                    name = name,
                    suggestion = crate::error::suggest(name, names)
                ),
            });
        };
        self.position += 1; // (
        let args = self.nested(Self::arguments)?;
        let arity_ok = match func {
            Func::Min | Func::Max => !args.is_empty(),
            Func::Clamp | Func::If => args.len() == 3,
            Func::Round => args.len() == 2,
            Func::Abs => args.len() == 1,
        };
        if !arity_ok {
            let wanted = match func {
                Func::Min | Func::Max => msg!("formula-takes-some"),
                Func::Clamp => msg!("formula-takes-clamp"),
                Func::If => msg!("formula-takes-if"),
                Func::Round => msg!("formula-takes-round"),
                Func::Abs => msg!("formula-takes-one"),
            };
            return Err(ParseError {
                offset,
                message: msg!("formula-arity", name = name, wanted = wanted, given = args.len()),
            });
        }
        Ok(Expr::Call(func, args))
    }
}
