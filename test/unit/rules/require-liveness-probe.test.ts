import { probeCases } from '../../helpers/probe-cases';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester('require-liveness-probe', probeCases('liveness'));
