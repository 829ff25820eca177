//! Exact evaluation. A missing input makes the result missing, never zero.

use super::parser::{BinOp, Expr, Func};
use crate::msg;
use rust_decimal::{Decimal, RoundingStrategy};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EvalError {
    /// A variable had no value (e.g. an unscored criterion).
    Missing(usize),
    DivisionByZero,
    Overflow,
}

impl EvalError {
    /// What went wrong, for a person.
    pub fn text(&self) -> crate::i18n::Text {
        match self {
            EvalError::Missing(_) => msg!("formula-missing-input"),
            EvalError::DivisionByZero => msg!("formula-division-by-zero"),
            EvalError::Overflow => msg!("formula-overflow"),
        }
    }
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.text())
    }
}

fn truth(b: bool) -> Decimal {
    if b {
        Decimal::ONE
    } else {
        Decimal::ZERO
    }
}

impl Expr {
    /// Evaluates with `var` giving each slot's value.
    pub fn eval(&self, var: &dyn Fn(usize) -> Option<Decimal>) -> Result<Decimal, EvalError> {
        match self {
            Expr::Number(n) => Ok(*n),
            Expr::Var(slot) => var(*slot).ok_or(EvalError::Missing(*slot)),
            Expr::Neg(e) => Ok(-e.eval(var)?),
            Expr::Not(e) => Ok(truth(e.eval(var)?.is_zero())),
            Expr::Binary(op, a, b) => binary(*op, a, b, var),
            Expr::Call(func, args) => call(*func, args, var),
        }
    }
}

/// `a op b`. Evaluation recurses through here once per level of the tree,
/// so the arithmetic is kept out of this frame (`apply`), and a tree as deep
/// as the parser allows fits a worker thread's stack even in a debug build.
fn binary(op: BinOp, a: &Expr, b: &Expr, var: &dyn Fn(usize) -> Option<Decimal>) -> Result<Decimal, EvalError> {
    let x = a.eval(var)?;
    // `and` and `or` short-circuit so a guard can protect its right side.
    match op {
        BinOp::And if x.is_zero() => Ok(Decimal::ZERO),
        BinOp::Or if !x.is_zero() => Ok(Decimal::ONE),
        _ => apply(op, x, b.eval(var)?),
    }
}

#[inline(never)]
fn apply(op: BinOp, x: Decimal, y: Decimal) -> Result<Decimal, EvalError> {
    Ok(match op {
        BinOp::Add => x.checked_add(y).ok_or(EvalError::Overflow)?,
        BinOp::Sub => x.checked_sub(y).ok_or(EvalError::Overflow)?,
        BinOp::Mul => x.checked_mul(y).ok_or(EvalError::Overflow)?,
        BinOp::Div => {
            if y.is_zero() {
                return Err(EvalError::DivisionByZero);
            }
            x.checked_div(y).ok_or(EvalError::Overflow)?
        }
        BinOp::Lt => truth(x < y),
        BinOp::Le => truth(x <= y),
        BinOp::Gt => truth(x > y),
        BinOp::Ge => truth(x >= y),
        BinOp::Eq => truth(x == y),
        BinOp::Ne => truth(x != y),
        BinOp::And | BinOp::Or => truth(!y.is_zero()),
    })
}

fn call(func: Func, args: &[Expr], var: &dyn Fn(usize) -> Option<Decimal>) -> Result<Decimal, EvalError> {
    if func == Func::If {
        let chosen = if args[0].eval(var)?.is_zero() { &args[2] } else { &args[1] };
        return chosen.eval(var);
    }
    let values = args.iter().map(|a| a.eval(var)).collect::<Result<Vec<_>, _>>()?;
    Ok(match func {
        Func::Min => values.into_iter().min().unwrap_or_default(),
        Func::Max => values.into_iter().max().unwrap_or_default(),
        Func::Clamp => values[0].max(values[1]).min(values[2]),
        Func::Abs => values[0].abs(),
        Func::Round => {
            let places = u32::try_from(values[1].trunc().mantissa().clamp(0, 28)).unwrap_or(0);
            values[0].round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero)
        }
        Func::If => unreachable!("handled above"),
    })
}

#[cfg(test)]
mod tests {
    use crate::contest::Lang;
    use crate::formula::parse;
    use rust_decimal::Decimal;
    use std::str::FromStr;

    fn eval(text: &str, vars: &[(&str, &str)]) -> Result<String, String> {
        let names: Vec<&str> = vars.iter().map(|(n, _)| *n).collect();
        let expr = parse(text, &mut |name| {
            names.iter().position(|n| *n == name).ok_or_else(|| format!("unknown `{name}`"))
        })
        .map_err(|e| format!("{}@{}", e.message.in_lang(Lang::En), e.offset))?;
        let values: Vec<Decimal> = vars.iter().map(|(_, v)| Decimal::from_str(v).unwrap()).collect();
        expr.eval(&|slot| values.get(slot).copied())
            .map(|d| d.normalize().to_string())
            .map_err(|e| e.text().in_lang(Lang::En))
    }

    #[test]
    fn arithmetic_is_exact_and_follows_precedence() {
        assert_eq!(eval("0.1 + 0.2", &[]), Ok("0.3".into()));
        assert_eq!(eval("2 + 3 * 4", &[]), Ok("14".into()));
        assert_eq!(eval("(2 + 3) * 4", &[]), Ok("20".into()));
        assert_eq!(eval("-2 * -3", &[]), Ok("6".into()));
        assert_eq!(
            eval("score * difficulty", &[("score", "8.5"), ("difficulty", "1.2")]),
            Ok("10.2".into())
        );
    }

    #[test]
    fn functions_and_conditions() {
        assert_eq!(eval("min(5, 3, 9)", &[]), Ok("3".into()));
        assert_eq!(eval("max(5, 3, 9)", &[]), Ok("9".into()));
        assert_eq!(eval("clamp(12, 0, 10)", &[]), Ok("10".into()));
        assert_eq!(eval("round(2.345, 2)", &[]), Ok("2.35".into()));
        assert_eq!(eval("abs(0 - 4)", &[]), Ok("4".into()));
        assert_eq!(eval("if(a > 1 and not b, 10, 20)", &[("a", "2"), ("b", "0")]), Ok("10".into()));
        assert_eq!(eval("a == 1 or 1 / 0", &[("a", "1")]), Ok("1".into()));
    }

    #[test]
    fn errors_carry_positions() {
        assert_eq!(eval("1 +", &[]), Err("the formula ends too early@3".into()));
        assert_eq!(eval("1 + foo", &[]), Err("unknown `foo`@4".into()));
        assert!(eval("mni(1, 2)", &[]).unwrap_err().contains("did you mean `min`?"));
        assert!(eval("clamp(1, 2)", &[]).unwrap_err().contains("3 arguments"));
        assert_eq!(eval("1 / 0", &[]), Err("division by zero".into()));
        assert!(eval("1 $ 2", &[]).unwrap_err().contains("unexpected character"));
    }

    /// The deepest trees the parser allows: a chain of sums as long as the
    /// size limit lets it be, and brackets, calls and `-` nested to the limit.
    fn deepest() -> [String; 2] {
        use crate::formula::parser::{MAX_NESTING, MAX_TOKENS};
        let chain = vec!["a"; MAX_TOKENS / 2].join(" + ");
        let nest = "-min(".repeat(MAX_NESTING / 2) + "a" + &")".repeat(MAX_NESTING / 2);
        [chain, nest]
    }

    #[test]
    fn the_deepest_formula_evaluates_on_a_small_stack() {
        // A quarter of the 2 MiB a worker thread (rayon's, std's) gets.
        for text in deepest() {
            let worker = std::thread::Builder::new().stack_size(512 * 1024);
            let result = worker.spawn(move || eval(&text, &[("a", "1")])).unwrap().join().unwrap();
            assert!(result.is_ok(), "{result:?}");
        }
    }

    #[test]
    fn limits_of_size_and_nesting_are_errors_at_their_place() {
        use crate::formula::parser::{MAX_NESTING, MAX_TOKENS};
        let deep = format!("{}1{}", "(".repeat(20_000), ")".repeat(20_000));
        assert_eq!(
            eval(&deep, &[]).unwrap_err(),
            format!("brackets, function calls, `-` and `not` nest more than {MAX_NESTING} deep here@{MAX_NESTING}")
        );
        let long = vec!["1"; 10_000].join("+");
        let error = eval(&long, &[]).unwrap_err();
        assert_eq!(
            error,
            format!("the formula is too long: at most {MAX_TOKENS} numbers, names, operators and brackets@{MAX_TOKENS}")
        );
        assert!(eval(&"- ".repeat(MAX_NESTING + 1), &[]).unwrap_err().contains("nest more than"));
        assert!(eval(&"not ".repeat(MAX_NESTING + 1), &[]).unwrap_err().contains("nest more than"));
        assert!(eval(&vec!["1"; MAX_TOKENS / 2].join("+"), &[]).is_ok());
    }
}
