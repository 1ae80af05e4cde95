// Provider token formats of payment APIs.
import { tokenRule, type TokenRule } from './token-rule.js'

export const stripeRules: readonly TokenRule[] = [
  tokenRule(
    'stripe-secret-key',
    'Stripe secret key',
    'high',
    ['sk_live_', 'sk_test_', 'sk_prod_'],
    'sk_(?:live|test|prod)_(?<random>[A-Za-z0-9]{10,247})',
    3
  ),
  tokenRule(
    'stripe-restricted-key',
    'Stripe restricted key',
    'high',
    ['rk_live_', 'rk_test_', 'rk_prod_'],
    'rk_(?:live|test|prod)_(?<random>[A-Za-z0-9]{10,247})',
    3
  ),
  tokenRule(
    'stripe-publishable-key',
    'Stripe publishable key (public by design)',
    'low',
    ['pk_live_', 'pk_test_'],
    'pk_(?:live|test)_(?<random>[A-Za-z0-9]{10,247})',
    3
  )
]
